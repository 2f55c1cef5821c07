// `npm run bench` (after `npm run build`): builds the in-page bundle (bench/vite.config.ts), then
// runs bench/bench.ts through Vite's module runner (TypeScript, no compile step).
//   --runs N          timed runs per contender and page (default 15)
//   --paint-loads N   fixture loads under the no-flash probe (default 20)
//   --busy-runs N     busy-page runs with and without the extension (default 5, 10 s each)
//   --busy-seconds N  length of the ticker (default 10)
//   --memory-loads N  loads of the Daily8 fixture and of the 100x page per condition (default 2)
//   --open-loads N    fresh loads of the Daily8 fixture on which the panel is opened twice (default 10)
//   --dist DIR        the built extension (default dist/chrome)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, runnerImport } from "vite";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv, defaults) {
  const opts = { ...defaults };
  const names = { "--runs": "runs", "--paint-loads": "paintLoads", "--busy-runs": "busyRuns", "--busy-seconds": "busySeconds", "--memory-loads": "memoryLoads", "--open-loads": "openLoads" };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--dist" && value) {
      opts.dist = path.resolve(value);
      i += 1;
    } else if (arg in names && value && /^\d+$/.test(value)) {
      opts[names[arg]] = Number(value);
      i += 1;
    } else {
      throw new Error(`unknown or incomplete option: ${arg}`);
    }
  }
  return opts;
}

await build({ configFile: path.join(ROOT, "bench/vite.config.ts"), logLevel: "warn" });
const { module } = await runnerImport(path.join(ROOT, "bench/bench.ts"), { configFile: false, logLevel: "error" });
await module.main(parseArgs(process.argv.slice(2), module.DEFAULTS));
