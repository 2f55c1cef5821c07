// `npm run package`: builds, then writes the store uploads into artifacts/ (git-ignored):
//   tidyread-<version>-chrome.zip   dist/chrome, manifest.json at the zip root (Chrome Web Store)
//   tidyread-<version>-firefox.zip  dist/firefox, packed by `web-ext build` (AMO)
//   tidyread-<version>-source.zip   the project source for AMO reviewers, with BUILD-FOR-AMO.md
//                                   and build-for-amo.sh at its root
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const { version } = pkg;
const artifacts = join(root, "artifacts");
// A fixed date in every zip entry, so the same files always give the same archive.
const mtime = new Date(2000, 0, 1);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Every file under dir, as paths relative to dir with "/" separators, sorted. */
function walk(dir, skip = new Set()) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, skip).map((p) => `${entry.name}/${p}`));
    else if (entry.isFile()) out.push(entry.name);
  }
  return out.sort();
}

/** The project's files: git's view when this is a checkout, else the tree minus build output. */
function sourceFiles() {
  const git = spawnSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  if (git.status === 0) {
    // The tracked files, as a reviewer would get them from the repository (less ones deleted since).
    return git.stdout
      .split("\0")
      .filter((p) => p && existsSync(join(root, p)) && statSync(join(root, p)).isFile())
      .sort();
  }
  const skip = new Set(["node_modules", "dist", "artifacts", ".git", "web-ext-artifacts", "bench-out", "test-output"]);
  return walk(root, skip).filter((p) => !p.endsWith(".log"));
}

/** Zips { name: { data, executable? } } to artifacts/name; returns the path written. */
function writeZip(name, files) {
  const entries = {};
  for (const [path, { data, executable }] of Object.entries(files)) {
    // os 3 = Unix, so the mode bits in attrs are honoured when unpacking.
    entries[path] = [data, { mtime, os: 3, attrs: (executable ? 0o100755 : 0o100644) << 16 }];
  }
  const path = join(artifacts, name);
  writeFileSync(path, zipSync(entries, { level: 9 }));
  return path;
}

function buildNotes() {
  const deps = Object.entries(pkg.dependencies ?? {})
    .map(([name, range]) => `- \`${name}\` ${range} (from npm, exact version in package-lock.json)`)
    .join("\n");
  return `# Building Tidyread ${version} for Firefox

This archive holds the complete source of the Tidyread add-on, version ${version}. The add-on's
JavaScript is bundled and minified by Vite from the TypeScript in \`src/\`. The build downloads
nothing but the npm packages pinned in \`package-lock.json\`.

## What you need

- Node.js 20.19 or later, with the npm that comes with it. This archive was made with Node
  ${process.version}.
- bash (Linux or macOS) and access to the npm registry for \`npm ci\`.

## Steps

1. Unpack this archive and open a terminal in its top folder (the one with \`package.json\`).
2. Run \`bash build-for-amo.sh\`. It runs:

   \`\`\`sh
   npm ci          # installs the exact dependency versions from package-lock.json
   npm run build   # node scripts/build.mjs: Vite builds dist/chrome and dist/firefox
   \`\`\`

3. The Firefox add-on is now in \`dist/firefox/\`: the same files as in
   \`tidyread-${version}-firefox.zip\`.

## Where things are

- \`manifest.json\`: the one manifest for both browsers; keys prefixed \`{{firefox}}.\` go only
  into the Firefox build, \`{{version}}\` and \`{{description}}\` come from \`package.json\`.
- \`src/\`: the TypeScript sources (content script, background script, side panel).
- \`scripts/build.mjs\` and \`vite.config.ts\`: the build.
- \`icons/\`: the icon drawing and the PNGs made from it (\`npm run icons\`).

Third-party code in the bundle:
${deps || "- none"}
`;
}

// 1. Build. Always: a stale dist/ would be uploaded silently otherwise.
run("npm", ["run", "build"]);
for (const browser of ["chrome", "firefox"]) {
  const manifest = JSON.parse(readFileSync(join(root, "dist", browser, "manifest.json"), "utf8"));
  if (manifest.version !== version) {
    throw new Error(`dist/${browser}/manifest.json has version ${manifest.version}, package.json ${version}`);
  }
}
mkdirSync(artifacts, { recursive: true });
const written = [];

// 2. Chrome Web Store: the built files, manifest.json at the root.
const chromeDir = join(root, "dist", "chrome");
written.push(
  writeZip(
    `tidyread-${version}-chrome.zip`,
    Object.fromEntries(walk(chromeDir).map((p) => [p, { data: readFileSync(join(chromeDir, p)) }])),
  ),
);

// 3. AMO: web-ext packs it the way AMO expects.
const firefoxZip = `tidyread-${version}-firefox.zip`;
run(join(root, "node_modules", ".bin", "web-ext"), [
  "build",
  "--source-dir", join("dist", "firefox"),
  "--artifacts-dir", "artifacts",
  "--filename", firefoxZip,
  "--overwrite-dest",
  "--no-input",
  "--no-config-discovery",
]);
written.push(join(artifacts, firefoxZip));

// 4. Source archive for AMO reviewers.
const sources = {};
for (const p of sourceFiles()) {
  const mode = statSync(join(root, p)).mode;
  sources[p] = { data: readFileSync(join(root, p)), executable: (mode & 0o111) !== 0 };
}
sources["BUILD-FOR-AMO.md"] = { data: Buffer.from(buildNotes()) };
sources["build-for-amo.sh"] = {
  data: readFileSync(join(root, "scripts", "build-for-amo.sh")),
  executable: true,
};
written.push(writeZip(`tidyread-${version}-source.zip`, sources));
const untracked = spawnSync("git", ["ls-files", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
if (untracked.status === 0 && untracked.stdout.trim()) {
  console.warn(`\nnot in the source archive (untracked; the build may need them):\n${untracked.stdout.trimEnd()}`);
}

console.log(`\nwrote (${Object.keys(sources).length} files in the source archive):`);
for (const path of written) {
  const kb = (statSync(path).size / 1024).toFixed(1).padStart(8);
  console.log(`${kb} KB  ${relative(root, path).split(sep).join("/")}`);
}
