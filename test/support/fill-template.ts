// What a clerk does with a template: fill every sheet that needs filling, as a program would,
// reading columns by their headers. Used by the round-trip tests.

import ExcelJS from "exceljs";

export function column(sheet: ExcelJS.Worksheet, header: string): number {
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(1, c).value === header) return c;
  throw new Error(`no column ${header} in ${sheet.name}`);
}

/** What a clerk does: fill every scoring sheet of a unit's template, as a program would. */
export async function fillIn(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const scores = workbook.getWorksheet("个性评分")!;
  const roster = workbook.getWorksheet("人员")!;
  const windowOf = new Map<string, boolean>();
  for (let r = 2; r <= roster.rowCount; r++) {
    windowOf.set(String(roster.getCell(r, column(roster, "人员编号")).value), roster.getCell(r, column(roster, "窗口岗位")).value === "是");
  }
  const graded: { id: string; name: string }[] = [];
  for (let r = 2; r <= scores.rowCount; r++) {
    graded.push({ id: String(scores.getCell(r, 1).value), name: String(scores.getCell(r, 2).value) });
    scores.getCell(r, column(scores, "工作数量")).value = 27;
    scores.getCell(r, column(scores, "工作质量")).value = 36.5;
    scores.getCell(r, column(scores, "工作效率")).value = "28"; // typed as text: still a number
    scores.getCell(r, column(scores, "评鉴意见")).value = "完成任务较好";
  }
  const work = workbook.getWorksheet("工作清单")!;
  const common = workbook.getWorksheet("共性测评")!;
  let workRow = 2;
  let ratingRow = 2;
  const rate = (id: string, name: string, group: string, values: (string | number)[]): void => {
    const row = common.getRow(ratingRow++);
    row.getCell(1).value = id;
    row.getCell(2).value = name;
    row.getCell(3).value = group;
    values.forEach((v, i) => (row.getCell(5 + i).value = v));
  };
  for (const { id, name } of graded) {
    // 月纪实: an item each month (as the dropdown writes it, and as typed), then one of the whole quarter
    work.getRow(workRow++).values = [id, name, "7月", "完成季度重点项目申报", "已完成"];
    work.getRow(workRow++).values = [id, name, "8月", "修订内部管理制度", "推进中", "待局务会审议"];
    work.getRow(workRow++).values = [id, name, "九月", "整理月度工作台账", "已完成"];
    work.getRow(workRow++).values = [id, name, null, "做好季度值班安排", "已完成"];
    rate(id, name, "领导", ["好", "较好", "好", "好", "一般"]);
    rate(id, name, "同事", [28, 18, 19, 20, 9]);
    if (windowOf.get(id)) rate(id, name, "服务对象", ["好", "好", "好", "好", "好"]);
  }
  // 个人小结: the quarter's summary on each pre-filled row, and a month's summary added below
  const summaries = workbook.getWorksheet("个人小结")!;
  const prefilled = summaries.rowCount;
  for (let r = 2; r <= prefilled; r++) summaries.getCell(r, column(summaries, "小结")).value = "本季度按时完成各项工作任务。";
  summaries.getRow(prefilled + 1).values = [graded[0]!.id, graded[0]!.name, "8月", "八月重点修订内部管理制度。"];
  const events = workbook.getWorksheet("加减分")!;
  events.getRow(2).values = [graded[0]!.id, graded[0]!.name, "加分", 2, "获市级表彰", new Date(Date.UTC(2026, 8, 1))];
  await workbook.xlsx.writeFile(file);
}

