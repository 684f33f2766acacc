// The sign-off lines that end a table filed on paper (outputs.md "Per run": 制表人, 审核人,
// 单位（盖章）, 日期, left blank for the clerk): under the 结果 and 汇总 sheets of 结果.xlsx and the
// 汇总 sheet of the run's 汇总.xlsx.

// Short enough for the narrowest of them (结果.xlsx's 汇总, portrait) to keep each on one line.
export const SIGN_OFF_LINES: readonly string[] = [
  "制表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿",
  "单位（盖章）：　　　　　　日期：　　年　　月　　日",
];
