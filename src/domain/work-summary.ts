// A person's quarterly work list (季度工作绩效清单, workbook.md 工作清单) in the few numbers the
// result workbook and the feedback slip print, with the items not yet done and why. One place
// for both, so that the sheet and the slip cannot disagree.

import type { WorkItem } from "./model.js";
import { WORK_STATE_LABEL } from "./labels.js";

export interface WorkSummary {
  total: number;
  done: number;
  inProgress: number;
  unfinished: number;
  /** Items 推进中 or 未完成, in the order of the sheet: workbook.md requires a reason for both. */
  open: WorkItem[];
}

/** The summary of one person's own items (rowsByPersonId groups a unit's items once). */
export function summariseWork(own: readonly WorkItem[]): WorkSummary {
  return {
    total: own.length,
    done: own.filter((item) => item.state === "done").length,
    inProgress: own.filter((item) => item.state === "inProgress").length,
    unfinished: own.filter((item) => item.state === "unfinished").length,
    open: own.filter((item) => item.state !== "done"),
  };
}

/** `【未完成】档案数字化：系统未上线`; the reason is required by the workbook, blank only if absent. */
export function openItemText(item: WorkItem): string {
  const head = `【${WORK_STATE_LABEL[item.state]}】${item.item}`;
  return item.reason ? `${head}：${item.reason}` : head;
}
