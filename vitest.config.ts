import { defineConfig } from "vitest/config";

// Three projects, cheapest first: pure logic on fixtures, checks on the built dist/, real browsers.
export default defineConfig({
  test: {
    // The JSON report gives CI its plain "N passed, N failed" line.
    reporters: ["default", "json"],
    outputFile: { json: "test-output/vitest.json" },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "jsdom",
          setupFiles: ["test/unit/setup-i18n.ts"],
        },
      },
      {
        test: {
          name: "build",
          include: ["test/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has 2 cores, and each file launches its own browser.
          fileParallelism: false,
        },
      },
    ],
  },
});
