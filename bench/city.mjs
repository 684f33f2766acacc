// A city at quarter end, as data (the shapes of test/support/workbook-data.mjs): `units` unit
// workbooks of 40 persons each (one leading member, one on probation every fifth unit, the rest
// graded), ten ratings per graded person, a work list, a few bonus points. Seeded: the same seed
// gives the same city. Everything is valid input, so that the benchmark measures grading and not
// error reporting; individual scores differ by person, so that no tie leaves a unit a draft.

import {
  COMMON_HEADER,
  DECISIONS_HEADER,
  EVENTS_HEADER,
  INDICATOR_ROWS,
  INDIVIDUAL_HEADER,
  PERSON_HEADER,
  UNIT_HEADER,
  WORK_HEADER,
} from "../test/support/workbook-data.mjs";

export const PERSONS_PER_UNIT = 40;
const RATINGS_PER_PERSON = 10;

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鹏飞斌宇浩凯健俊帆帅旭宁博文晨辉建国志明海波婷雪琳倩颖佳欣悦然"];
const BUREAUS = ["发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "信访局"];
const DEPARTMENTS = ["办公室", "综合科", "业务一科", "业务二科", "法规科"];
const ITEMS = ["完成季度重点工作任务", "办理群众来信来访", "开展专项检查", "编制季度工作分析报告", "推进信息化建设", "组织业务培训"];
const WORDS = ["好", "好", "好", "较好", "较好", "一般"];

/** mulberry32: a small seeded generator, enough for test data. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} random @param {readonly T[]} list @template T */
function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** `C0001`: unit codes sort in unit order, as the files named after them do. */
export function unitCode(index) {
  return `C${String(index + 1).padStart(4, "0")}`;
}

function unitName(index) {
  const district = `第${Math.floor(index / BUREAUS.length) + 1}区`;
  return `某市${district}${BUREAUS[index % BUREAUS.length]}`;
}

/**
 * One unit's rows of every sheet (without header rows), so that a folder of unit workbooks and
 * one workbook of all units hold the same data.
 */
function unitRows(index, seed) {
  const random = seededRandom(seed * 100003 + index);
  const code = unitCode(index);
  const name = unitName(index);
  const persons = Array.from({ length: PERSONS_PER_UNIT }, (_, k) => {
    const id = `${code}P${String(k + 1).padStart(2, "0")}`;
    const leader = k === 0;
    const probation = !leader && k === PERSONS_PER_UNIT - 1 && index % 5 === 0;
    return {
      id,
      name: pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : ""),
      department: leader ? "单位领导" : DEPARTMENTS[k % DEPARTMENTS.length],
      title: leader ? "党组书记、局长" : pick(random, ["一级主任科员", "二级主任科员", "一级科员", "二级科员", "科长"]),
      kind: leader ? "领导成员" : "非领导成员",
      status: probation ? "不参加" : "参加",
      reason: probation ? "试用期" : null,
      window: !leader && k % 8 === 3,
    };
  });
  const graded = persons.filter((p) => p.kind === "非领导成员" && p.status === "参加");
  const leaderId = persons[0].id;

  const people = persons.map((p) => [code, p.id, p.name, p.department, p.title, p.kind, p.status, p.reason, p.window ? "是" : "否", null, null]);
  const individual = graded.map((p, k) => [
    p.id,
    p.name,
    20 + Math.floor(random() * 10),
    // Distinct by person: no two graded persons of a unit tie on every key (rules.md 4.2).
    25 + k * 0.25 + (random() < 0.5 ? 0 : 0.1),
    20 + Math.floor(random() * 10),
    "工作认真负责。",
    "进一步提高工作效率。",
    "分管领导",
  ]);
  const ratings = [];
  for (const p of graded) {
    const colleagues = graded.filter((q) => q !== p);
    for (let r = 0; r < RATINGS_PER_PERSON; r++) {
      const group = r === 0 ? "领导" : p.window && r === RATINGS_PER_PERSON - 1 ? "服务对象" : "同事";
      const rater = group === "领导" ? leaderId : group === "服务对象" || r % 4 === 0 ? null : colleagues[(r * 7 + index) % colleagues.length].id;
      const values =
        r % 3 === 2
          ? [24 + Math.floor(random() * 7), 15 + Math.floor(random() * 6), 15 + Math.floor(random() * 6), 16 + Math.floor(random() * 5), 8 + Math.floor(random() * 3)]
          : Array.from({ length: 5 }, () => pick(random, WORDS));
      ratings.push([p.id, p.name, group, rater, ...values]);
    }
  }
  const work = [];
  for (const p of graded) {
    work.push([p.id, p.name, pick(random, ITEMS), "已完成", null, null]);
    if (random() < 0.3) work.push([p.id, p.name, pick(random, ITEMS), "推进中", "需上级部门审批，预计下季度完成", null]);
    else work.push([p.id, p.name, pick(random, ITEMS), "已完成", null, null]);
  }
  const events = graded.filter(() => random() < 0.05).map((p) => [p.id, p.name, "加分", 1, "获市级通报表扬", { date: "2026-09-10" }]);
  return {
    unit: [code, name, null, "张丽", "0556-5550000", `${name}办公室`],
    people,
    individual,
    ratings,
    work,
    events,
  };
}


function parameterRows(extra) {
  return [["项目", "内容"], ["年度", 2026], ["季度", 3], ...extra, ["联系人", "张丽"], ["联系电话", "0556-5550000"], ["公示开始日期", { date: "2026-10-12" }]];
}

/** The workbook a unit's clerk returns: the unit named in 参数, no 单位 sheet. */
export function unitWorkbook(index, seed) {
  const rows = unitRows(index, seed);
  return [
    { name: "参数", rows: parameterRows([["单位代码", rows.unit[0]], ["单位名称", rows.unit[1]]]) },
    { name: "人员", rows: [PERSON_HEADER, ...rows.people] },
    { name: "指标", rows: INDICATOR_ROWS },
    { name: "工作清单", rows: [WORK_HEADER, ...rows.work] },
    { name: "个性评分", rows: [INDIVIDUAL_HEADER, ...rows.individual] },
    { name: "共性测评", rows: [COMMON_HEADER, ...rows.ratings] },
    { name: "加减分", rows: [EVENTS_HEADER, ...rows.events] },
    { name: "审定", rows: [DECISIONS_HEADER] },
  ];
}

/**
 * The same units merged into one workbook, sheet by sheet, as an organisation department would
 * merge them: each sheet's header row, then every unit's rows in unit order.
 * Returns the sheets as header plus a row generator, so a streaming writer never holds them all.
 */
export function cityWorkbookSheets(units, seed) {
  const pick = (key) =>
    function* rows() {
      for (let index = 0; index < units; index++) yield* unitRows(index, seed)[key];
    };
  return [
    { name: "参数", header: null, rows: () => parameterRows([]) },
    { name: "单位", header: UNIT_HEADER, rows: function* () { for (let index = 0; index < units; index++) yield unitRows(index, seed).unit; } },
    { name: "人员", header: PERSON_HEADER, rows: pick("people") },
    { name: "指标", header: null, rows: () => INDICATOR_ROWS },
    { name: "工作清单", header: WORK_HEADER, rows: pick("work") },
    { name: "个性评分", header: INDIVIDUAL_HEADER, rows: pick("individual") },
    { name: "共性测评", header: COMMON_HEADER, rows: pick("ratings") },
    { name: "加减分", header: EVENTS_HEADER, rows: pick("events") },
    { name: "审定", header: DECISIONS_HEADER, rows: () => [] },
  ];
}
