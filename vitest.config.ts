import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "policies/pack/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["input/**/*.ts", "schemas/**/*.ts", "evidence/**/*.ts", "policies/engine/**/*.ts", "cli/**/*.ts"],
      thresholds: { perFile: true, lines: 70, functions: 70, branches: 60, statements: 70 },
    },
  },
});
