// typescript-eslint's type-checked rules plus Pulumi's rule against Outputs in template literals.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      ".tools/**",
      "bin/**",
      "scripts/**/*.mjs",
      "bench/**/*.mjs",
      // Plain-JavaScript helpers shared with bench/ (typed by their .d.mts beside them).
      "test/helpers/*.mjs",
      "eslint.config.js",
      "vitest.config.ts",
      "bench/.work/**",
      "test/engine/insecure-program.js",
      "schemas/generated/**",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    // Tests read untyped JSON (plans, reports, SARIF); typing every shape would only repeat the assertions.
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
