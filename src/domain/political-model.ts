// A read and checked evaluation workbook (political.md "The input workbook") as plain data: the
// units, the leading cadres, the two-way evaluation forms, the problem information (问题线索),
// the wider observation (延伸考察) and the talks (谈心谈话). Closed sets are English unions with
// one label table each (STYLE.md habit 4); aspect, group and item names are the rules' data.

import type { Grade } from "./labels.js";
import type { CellRef } from "./model.js";

export type CadreKind = "principal" | "member";
export const CADRE_KIND_LABEL: Record<CadreKind, string> = { principal: "主要负责人", member: "班子成员" };

/** 核实情况 of a piece of problem information. */
export type Verification = "confirmed" | "partly" | "checking" | "unfounded";
export const VERIFICATION_LABEL: Record<Verification, string> = {
  confirmed: "属实",
  partly: "部分属实",
  checking: "核实中",
  unfounded: "不属实",
};
export const VERIFICATIONS: readonly Verification[] = ["confirmed", "partly", "checking", "unfounded"];

export type Scene = "branch" | "community" | "family" | "frontline";
export const SCENE_LABEL: Record<Scene, string> = { branch: "支部", community: "社区", family: "家庭", frontline: "一线" };

export type Verdict = "positive" | "negative";
export const VERDICT_LABEL: Record<Verdict, string> = { positive: "正面", negative: "负面" };

export type TalkMode = "appointment" | "summoned";
export const TALK_MODE_LABEL: Record<TalkMode, string> = { appointment: "预约谈", summoned: "点名谈" };

export interface PoliticalUnit {
  code: string;
  name: string;
  contact: string | null;
  phone: string | null;
  ref: CellRef;
}

export interface Cadre {
  id: string;
  name: string;
  post: string;
  unitCode: string;
  kind: CadreKind;
  note: string | null;
  ref: CellRef;
}

/** One rater's form for one cadre: a word per aspect, and the negative items marked. */
export interface PoliticalForm {
  cadreId: string;
  group: string;
  raterId: string | null;
  /** Aspect name → word, for every aspect of the rules. */
  ratings: Readonly<Record<string, Grade>>;
  /** Codes of the negative items marked. */
  marks: readonly string[];
}

export interface ProblemClue {
  cadreId: string;
  source: string;
  aspect: string;
  itemCode: string | null;
  content: string;
  verification: Verification;
  date: string;
  ref: CellRef;
}

export interface Observation {
  cadreId: string;
  scene: Scene;
  verdict: Verdict;
  content: string;
  date: string;
}

export interface Talk {
  cadreId: string;
  mode: TalkMode | null;
  date: string;
  points: string | null;
}

export interface PoliticalWorkbook {
  file: string;
  sha256: string;
  year: number;
  /** 测评名称, e.g. 2026年度领导班子和领导干部考核. */
  round: string;
  contact: string | null;
  phone: string | null;
  units: PoliticalUnit[];
  cadres: Cadre[];
  forms: PoliticalForm[];
  clues: ProblemClue[];
  observations: Observation[];
  talks: Talk[];
}
