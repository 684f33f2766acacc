import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the tool run as a clerk runs it, on whole cities and through LibreOffice
// (test/e2e/). Slow: CI runs it after `npm test`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
