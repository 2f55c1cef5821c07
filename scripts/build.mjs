// Builds dist/chrome and dist/firefox from the one manifest.json and src/.
import { cpSync, readdirSync } from "node:fs";
import { build } from "vite";

for (const browser of ["chrome", "firefox"]) {
  process.env.TARGET_BROWSER = browser;
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
  // The manifest names icons/icon-<size>.png; the source drawing stays behind.
  for (const png of readdirSync("icons").filter((f) => f.endsWith(".png"))) {
    cpSync(`icons/${png}`, `dist/${browser}/icons/${png}`);
  }
  // UI strings: browser.i18n reads them from the extension's root.
  cpSync("src/_locales", `dist/${browser}/_locales`, { recursive: true });
  console.log(`built dist/${browser}`);
}
