#!/usr/bin/env node
// Launcher: the compiled CLI lives in dist/ (npm ci runs `prepare`, which builds it).
import("../dist/cli/main.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli/main.js")) {
    process.stderr.write("assess 尚未编译：请先在项目目录运行 npm ci（或 npm run build）。\n");
  } else {
    process.stderr.write(`assess 内部错误：${error && error.message ? error.message : String(error)}\n`);
  }
  process.exitCode = 2;
});
