import { defineConfig } from "vite";
import webExtension from "vite-plugin-web-extension";
import pkg from "./package.json" with { type: "json" };
import { hostPatterns, SITES_AT_INSTALL } from "./src/sites";

// One manifest, two builds: TARGET_BROWSER picks the `{{chrome}}.` / `{{firefox}}.` keys.
const browser = process.env.TARGET_BROWSER === "firefox" ? "firefox" : "chrome";

/**
 * Where the content script runs from install, from the site profiles (src/sites) rather than
 * written by hand: the same hosts as host permissions, for the reader view's injected extraction script.
 */
const installMatches = SITES_AT_INSTALL.flatMap(hostPatterns);

export default defineConfig({
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    // Extension pages load their scripts from the package; the preload polyfill would add a fetch().
    modulePreload: false,
  },
  plugins: [
    webExtension({
      browser,
      manifest: "manifest.json",
      // The plugin would download a schema; this machine has no internet, and web-ext lint checks the result.
      skipManifestValidation: true,
      disableAutoLaunch: true,
      // The reader view's extraction (Readability, DOMPurify) is injected only when the reader asks
      // for it, never part of the content script; the panel and the reader view are extension pages
      // shown in frames (web_accessible_resources).
      additionalInputs: ["src/content/article/index.ts", "src/panel/panel.html", "src/reader/reader.html"],
      transformManifest: (manifest) => ({
        ...manifest,
        version: pkg.version,
        content_scripts: manifest.content_scripts?.map((script) => ({ ...script, matches: installMatches })),
        host_permissions: installMatches,
      }),
    }),
  ],
});
