// The pictures of the political documents: each portrait's five aspects beside the unit's mean,
// and the report's aspect means. Drawn with the shared chart builders of branch `charts` once it
// is merged; until then no picture (the tables carry the same figures).

import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import type { Paragraph } from "../ooxml/docx-writer.js";
import type { ReportContent } from "./political-report.js";
import type { PoliticalWording } from "./political-wording.js";

export interface PoliticalCharts {
  portrait: (unit: PoliticalUnitResult, cadreId: string) => Paragraph | null;
  report: (content: ReportContent) => Paragraph | null;
}

export function politicalCharts(_rules: PoliticalRules, _wording: PoliticalWording): PoliticalCharts {
  return { portrait: () => null, report: () => null };
}
