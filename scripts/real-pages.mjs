// `npm run real-pages` (builds first): the real aggregator pages of
// ../shared/real-pages/aggregators/ in Chromium with the built extension, scored as the jsdom run
// scores them. Prints the per-page table, the totals and both verdicts; writes
// test-output/real-pages-browser.json. The runner is test/real-pages/browser-run.ts (TypeScript,
// loaded through Vite's module runner, no compile step), shared with test/browser/real-pages.test.ts.
//   --dist DIR     the built extension (default dist/chrome)
//   SLUG ...       only these pages
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT); // The corpus and test-output/ are found from the repository's root.

let dist;
const slugs = [];
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i];
  if (arg === "--dist") dist = path.resolve(process.argv[++i] ?? "");
  else slugs.push(arg);
}

const { module } = await runnerImport(path.join(ROOT, "test/real-pages/browser-run.ts"), { configFile: false, logLevel: "error" });
const run = await module.runRealPages({ ...(slugs.length ? { slugs } : {}), ...(dist ? { dist } : {}), log: (line) => console.log(line) });
console.log(`\n${module.formatRun(run)}`);
module.writeRunJson(run);
console.log(`\nwrote ${path.relative(ROOT, module.BROWSER_REPORT_FILE)}`);
