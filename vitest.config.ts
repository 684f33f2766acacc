import { defineConfig } from "vitest/config";

// `npm test`: everything but the end-to-end tests and the archive's database tests (PGlite's
// initdb, a PostgreSQL server, processes killed mid-filing), which `npm run test:e2e` runs
// (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/archive/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
