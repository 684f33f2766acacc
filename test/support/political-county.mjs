// A county's round of the two-way evaluation, generated and seeded (issue 13 "Scale"): 10
// townships and 55 county units, 406 leading cadres, about 30 forms each (3 上级领导, the unit's
// other leaders as 班子成员, the rest 干部职工), negative items marked now and then (some cadres
// often enough to be flagged), problem information from the joint meeting's units, 延伸考察 and
// talks. One workbook per unit, as the units send them. Used by the end-to-end test and the bench.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CADRE_HEADER, CLUE_HEADER, FORM_HEADER, ITEM_CODES, OBSERVATION_HEADER, TALK_HEADER } from "./political-workbook-data.mjs";
import { writeWorkbook } from "./write-workbook.mjs";

export const COUNTY_UNITS = 65;
export const COUNTY_CADRES = 406;
const TOWNSHIPS = 10;
const FORMS_PER_CADRE = 30;
const ASPECTS = 5;
const WORDS = ["好", "较好", "一般", "较差"];
const SOURCES = ["纪委监委", "巡察办", "信访局", "审计局", "公安局", "法院", "检察院", "人社局", "财政局", "自然资源和规划局", "生态环境分局", "市场监管局", "卫生健康委", "统计局"];
const ASPECT_NAMES = ["政治忠诚", "政治定力", "政治担当", "政治能力", "政治自律"];
const VERIFICATIONS = ["属实", "部分属实", "核实中", "不属实", "不属实"];
const SCENES = ["支部", "社区", "家庭", "一线"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力林斌宇浩凯健俊帆鹏峰宁";
const TOWN_NAMES = ["城关镇", "华阳镇", "杨湾镇", "漳湖镇", "赛口镇", "高士镇", "鸦滩镇", "长岭镇", "太慈镇", "凉泉乡"];
const COUNTY_UNIT_WORDS = "发展和改革委员会 教育局 科技和经济信息化局 公安局 民政局 司法局 财政局 人力资源和社会保障局 自然资源和规划局 住房和城乡建设局 交通运输局 水利局 农业农村局 商务局 文化旅游体育局 卫生健康委员会 退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局 林业局 信访局 数据资源管理局 城市管理局 机关事务服务中心 档案馆 地方志办公室 供销合作社 融媒体中心 投资促进中心 政务服务中心 公共资源交易中心 乡村振兴局 生态环境分局 税务局 气象局 烟草专卖局 邮政分公司 人民医院 中医院 疾控中心 职业教育中心 第一中学 第二中学 实验小学 经济开发区管委会 工业园区 现代农业示范区 公证处 法律援助中心 老干部局 总工会 团县委".split(" ");

/** mulberry32: a small seeded generator, so that a seed gives the same county every time. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unitsOfCounty() {
  const units = [];
  for (let i = 0; i < TOWNSHIPS; i++) units.push({ code: `XZ${String(i + 1).padStart(2, "0")}`, name: `某县${TOWN_NAMES[i]}`, cadres: 10 });
  // 306 cadres over 55 county units: 31 of 6 and 24 of 5.
  for (let i = 0; i < COUNTY_UNITS - TOWNSHIPS; i++) units.push({ code: `DW${String(i + 1).padStart(2, "0")}`, name: `某县${COUNTY_UNIT_WORDS[i]}`, cadres: i < 31 ? 6 : 5 });
  return units;
}

/** One unit's workbook as sheet data; `next` is the county's random stream. */
function unitWorkbook(unit, next, counter, date) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const cadres = [];
  for (let i = 0; i < unit.cadres; i++) {
    counter.n++;
    cadres.push({
      id: `GB${String(counter.n).padStart(4, "0")}`,
      name: `${pick([...SURNAMES])}${pick([...GIVEN])}${next() < 0.5 ? pick([...GIVEN]) : ""}`,
      post: i === 0 ? (unit.code.startsWith("XZ") ? "党委书记" : "党组书记、局长") : i === 1 ? (unit.code.startsWith("XZ") ? "镇长" : "副局长") : "班子成员",
      kind: i === 0 ? "主要负责人" : "班子成员",
      // how well raters see the cadre: most do well, a few poorly
      quality: next() < 0.08 ? 0.35 : 0.7 + next() * 0.28,
      // a few cadres draw many marks on one or two items; the rest now and then on any
      problemItems: next() < 0.06 ? [pick(ITEM_CODES), pick(ITEM_CODES)] : [],
    });
  }
  const forms = [];
  for (const cadre of cadres) {
    const leaders = cadres.filter((c) => c !== cadre);
    const raters = [
      ...Array.from({ length: 3 }, () => ["上级领导", null]),
      ...leaders.map((c) => ["班子成员", c.id]),
    ];
    while (raters.length < FORMS_PER_CADRE) raters.push(["干部职工", null]);
    for (const [group, rater] of raters) {
      const words = Array.from({ length: ASPECTS }, () => {
        const r = next();
        return r < cadre.quality ? WORDS[0] : r < cadre.quality + (1 - cadre.quality) * 0.6 ? WORDS[1] : r < 0.97 ? WORDS[2] : WORDS[3];
      });
      const marks = ITEM_CODES.map((code) => (next() < (cadre.problemItems.includes(code) ? 0.3 : 0.01) ? "√" : null));
      forms.push([cadre.id, cadre.name, group, rater, ...words, ...marks]);
    }
  }
  const clues = [];
  const observations = [];
  const talks = [];
  for (const cadre of cadres) {
    if (next() < 0.1) {
      clues.push([cadre.id, cadre.name, pick(SOURCES), pick(ASPECT_NAMES), next() < 0.5 ? pick(ITEM_CODES) : null, `反映${cadre.name}的问题（第${counter.n}条）`, pick(VERIFICATIONS), date(next)]);
    }
    if (next() < 0.15) observations.push([cadre.id, cadre.name, pick(SCENES), next() < 0.15 ? "负面" : "正面", `进${pick(SCENES)}了解${cadre.name}的表现`, date(next)]);
    if (next() < 0.25) talks.push([cadre.id, cadre.name, next() < 0.5 ? "预约谈" : "点名谈", date(next), "谈工作、谈思想、谈作风"]);
  }
  return [
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", 2026],
        ["测评名称", "2026年度领导班子和领导干部考核"],
        ["单位代码", unit.code],
        ["单位名称", unit.name],
      ],
    },
    { name: "干部", rows: [CADRE_HEADER, ...cadres.map((c) => [unit.code, c.id, c.name, c.post, c.kind, null])] },
    { name: "双向测评", rows: [FORM_HEADER, ...forms] },
    { name: "问题线索", rows: [CLUE_HEADER, ...clues] },
    { name: "延伸考察", rows: [OBSERVATION_HEADER, ...observations] },
    { name: "谈心谈话", rows: [TALK_HEADER, ...talks] },
  ];
}

/** Writes the county's 65 workbooks into `folder`; returns their count of cadres and forms. */
export async function writeCountyRound(folder, seed = 20261009) {
  await mkdir(folder, { recursive: true });
  const next = random(seed);
  const date = (rand) => `2026-${String(1 + Math.floor(rand() * 11)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
  const counter = { n: 0 };
  let forms = 0;
  for (const unit of unitsOfCounty()) {
    const sheets = unitWorkbook(unit, next, counter, date);
    forms += sheets[2].rows.length - 1;
    await writeFile(join(folder, `${unit.code}_${unit.name}.xlsx`), await writeWorkbook(sheets));
  }
  return { units: COUNTY_UNITS, cadres: counter.n, forms };
}
