// templates/political.json, read as the notice and slip wording are (wording-templates.ts).
import { type PoliticalWording, parsePoliticalWording } from "./political-wording.js";
import { TEMPLATES_DIR, readTemplate } from "./wording-templates.js";

export const POLITICAL_TEMPLATE = "political.json";

export function readPoliticalWording(dir: string = TEMPLATES_DIR): Promise<PoliticalWording> {
  return readTemplate(dir, POLITICAL_TEMPLATE, parsePoliticalWording);
}
