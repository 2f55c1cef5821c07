import js from "@eslint/js";
import globals from "globals";
import noUnsanitized from "eslint-plugin-no-unsanitized";
import tseslint from "typescript-eslint";

/**
 * Folder boundaries as no-restricted-imports patterns on the import's own text (imports are
 * relative). `onlyFrom`: a folder may import from these sibling folders, its own and packages only.
 */
const onlyFrom = (folders, why) => ({
  regex: `^\\.\\./(?!(?:${folders.join("|")})(?:/|$))`,
  message: why,
});
const boundary = (files, ...patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

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
  // The UI folders run in Tidyread's own frames and pages, not in the page: they share code with
  // the content script only through src/shared. (src/reader/extract.ts runs in the page and is to
  // move to src/content/; until then it too reads only src/shared.)
  boundary(["src/panel/**", "src/reader/**"], onlyFrom(["shared"], "The panel and the reader import only from src/shared (move what they share there).")),
  // The options page lists the known sites: their profiles are data (src/sites reads only src/shared).
  boundary(["src/options/**"], onlyFrom(["shared", "sites"], "The options page imports only from src/shared and the site profiles in src/sites.")),
  // Everyone reads src/shared, so it reads no feature folder; the site profiles are data it may read.
  boundary(["src/shared/**"], {
    regex: String.raw`^\.\./(?:content|panel|reader|options|background|lang|platforms)(?:/|$)`,
    message: "src/shared imports no feature folder: move the piece it needs into src/shared.",
  }),
  boundary(["src/sites/**"], onlyFrom(["shared"], "Site profiles are data: they import only from src/shared.")),
);
