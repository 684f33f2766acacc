import { defineConfig } from "vitest/config";

// `npm test`: everything but the end-to-end tests, which `npm run test:e2e` runs (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
