// The tool's name and version, recorded in every output (outputs.md 规则 sheet and JSON).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { version: string };

export const TOOL_NAME = "assess";
export const TOOL_VERSION: string = pkg.version;
