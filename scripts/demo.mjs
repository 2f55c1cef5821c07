// `npm start`: builds the extension and shows it on a Daily8 article fixture.
//
// With a display: opens Chromium with the extension on the demo page and waits until the window is
// closed (or Ctrl+C). Without one: writes test-output/demo/before.png (the page where the extension
// does not run) and after.png (with the extension, side panel open).
//   --update-docs   also copies them to docs/screenshots/
//   --headless      screenshots even when a display is available
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEMO_FIXTURE = "daily8-article-semantic";
const OUT = path.join(ROOT, "test-output/demo");
const DOCS = path.join(ROOT, "docs/screenshots");
const argv = process.argv.slice(2);
const updateDocs = argv.includes("--update-docs");
const headful = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !argv.includes("--headless");

/** The test harness is TypeScript: Vite's module runner loads it without a compile step. */
async function importHarness(file) {
  const { module } = await runnerImport(path.join(ROOT, "test/browser/harness", file), {
    configFile: false,
    logLevel: "error",
  });
  return module;
}

function build() {
  const run = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) {
    console.error("npm run build failed");
    process.exit(run.status ?? 1);
  }
}

/** The demo fixture, or else the first Daily8 article fixture there is. */
function pickFixture(server) {
  const fixtures = server.fixtures();
  if (fixtures.has(DEMO_FIXTURE)) return DEMO_FIXTURE;
  const other = [...fixtures.values()].find((f) => /daily8\.com$/.test(f.url.hostname) && /\/article\//.test(f.url.pathname));
  if (!other) throw new Error(`No fixture "${DEMO_FIXTURE}" (nor any Daily8 article) in test/fixtures/`);
  console.log(`Fixture "${DEMO_FIXTURE}" not found: showing "${other.slug}" instead`);
  return other.slug;
}

async function screenshots(launch, server, slug) {
  console.log("No display found: writing before/after/reader-view screenshots instead");
  const browser = await launch("chromium", { server });
  try {
    const page = await browser.newPage();
    const before = path.join(OUT, "before.png");
    const after = path.join(OUT, "after.png");
    // The same page on a host the extension does not run on.
    await page.goto(server.urlFor(slug, { host: "127.0.0.1" }));
    await page.screenshot(before, true);
    await page.goto(server.urlFor(slug));
    const panel = await panelHelpers.openPanel(page);
    await page.screenshot(after, true);
    // The reader view, with the panel still beside it.
    const reader = path.join(OUT, "reader.png");
    await panel.click('[data-part="reader"]');
    const frame = await page.extensionFrame(panelHelpers.READER_PATH);
    await frame.waitForFunction(() => !!document.querySelector("article p"));
    await page.screenshot(reader, false);
    console.log(`before: ${path.relative(process.cwd(), before)}`);
    console.log(`after:  ${path.relative(process.cwd(), after)}`);
    console.log(`reader: ${path.relative(process.cwd(), reader)}`);
    if (updateDocs) {
      mkdirSync(DOCS, { recursive: true });
      for (const file of [before, after, reader]) copyFileSync(file, path.join(DOCS, path.basename(file)));
      console.log(`copied to ${path.relative(process.cwd(), DOCS)}/`);
    }
  } finally {
    await browser.close();
  }
}

async function interactive(launch, server, slug) {
  // Signals are handled below, so that the browser closes and its profile is removed.
  const browser = await launch("chromium", { server, headless: false, handleSignals: false });
  const page = await browser.newPage();
  const url = server.urlFor(slug);
  await page.goto(url);
  console.log(`Chromium is showing ${url} with Tidyread loaded.`);
  console.log(`The same page without it: ${server.urlFor(slug, { host: "127.0.0.1" })}`);
  console.log("Close the window or press Ctrl+C to stop.");
  const { page: native } = page.native;
  await new Promise((resolve) => {
    native.context().on("close", resolve);
    native.context().on("page", (p) => p.on("close", () => native.context().pages().length === 0 && resolve()));
    native.on("close", () => native.context().pages().length === 0 && resolve());
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await browser.close().catch(() => undefined);
}

build();
const { startFixtureServer } = await importHarness("server.ts");
const { launch } = await importHarness("browsers.ts");
const panelHelpers = await importHarness("panel.ts");
const server = await startFixtureServer();
let failed = false;
try {
  const slug = pickFixture(server);
  if (headful) await interactive(launch, server, slug);
  else await screenshots(launch, server, slug);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await server.close();
}
process.exit(failed ? 1 : 0);
