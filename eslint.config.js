import js from "@eslint/js";
import globals from "globals";
import noUnsanitized from "eslint-plugin-no-unsanitized";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "artifacts/", "test-output/", "bench-out/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Extension code must not reach the network or run strings as code.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "fetch", "XMLHttpRequest", "WebSocket", "EventSource"],
      "no-restricted-properties": ["error", { property: "innerHTML" }, { property: "outerHTML" }, { property: "insertAdjacentHTML" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // Mozilla's rule against markup built from strings (innerHTML, insertAdjacentHTML, document.write…),
    // on every source: page strings never become markup.
    files: ["src/**/*.{ts,js,mjs}", "scripts/**/*.{ts,js,mjs}", "test/**/*.{ts,js,mjs}"],
    ...noUnsanitized.configs.recommended,
  },
);
