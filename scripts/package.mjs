// `npm run package`: store-ready archives in artifacts/ (git-ignored).
//   tidyread-<v>-chrome.zip   for the Chrome Web Store (dist/chrome)
//   tidyread-<v>-firefox.zip  for AMO, made by `web-ext build` (dist/firefox)
//   tidyread-<v>-source.zip   the source AMO asks for, with build-for-amo.sh at its root
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync } from "fflate";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));
const out = "artifacts";
mkdirSync(out, { recursive: true });

execFileSync("node", ["scripts/build.mjs"], { stdio: "inherit" });

/** Every file under `dir`, keyed by its path relative to `dir`. */
function filesUnder(dir) {
  const files = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[relative(dir, path)] = readFileSync(path);
  }
  return files;
}

function write(name, files) {
  const path = join(out, name);
  writeFileSync(path, zipSync(files, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") }));
  console.log(`${path}  ${(statSync(path).size / 1024).toFixed(1)} KiB`);
}

write(`tidyread-${version}-chrome.zip`, filesUnder("dist/chrome"));

const firefox = `tidyread-${version}-firefox.zip`;
execFileSync(
  "node_modules/.bin/web-ext",
  ["build", "--source-dir", "dist/firefox", "--artifacts-dir", out, "--filename", firefox, "--overwrite-dest", "--no-input"],
  { stdio: "ignore" },
);
console.log(`${join(out, firefox)}  ${(statSync(join(out, firefox)).size / 1024).toFixed(1)} KiB`);

// The tracked files, as a reviewer would get them from the repository.
const tracked = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
const source = Object.fromEntries(tracked.map((f) => [f, readFileSync(f)]));
source["build-for-amo.sh"] = [readFileSync("scripts/build-for-amo.sh"), { os: 3, attrs: 0o755 << 16 }];
source["BUILD-FOR-AMO.md"] = Buffer.from(
  `# Building Tidyread ${version} for AMO review\n\n` +
    `Requirements: Node.js 20.19 or later with npm, on Linux, macOS or Windows (WSL).\n\n` +
    "```sh\nbash build-for-amo.sh   # npm ci && npm run build\n```\n\n" +
    "The add-on is then in `dist/firefox/`; it matches the submitted archive. The code is TypeScript " +
    "in `src/`, bundled by Vite (`vite.config.ts`, `scripts/build.mjs`); nothing is minified beyond Vite's defaults " +
    "and no remote code is fetched at build or run time.\n",
);
write(`tidyread-${version}-source.zip`, source);
