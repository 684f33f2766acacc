import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the tool run as a clerk runs it, on whole cities and through LibreOffice
// (test/e2e/), and the archive on an embedded PostgreSQL and a server (test/archive/). Slow: CI
// runs it after `npm test`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts", "test/archive/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
