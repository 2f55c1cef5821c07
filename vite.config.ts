import { defineConfig } from "vite";
import webExtension from "vite-plugin-web-extension";
import pkg from "./package.json" with { type: "json" };

// One manifest, two builds: TARGET_BROWSER picks the `{{chrome}}.` / `{{firefox}}.` keys.
const browser = process.env.TARGET_BROWSER === "firefox" ? "firefox" : "chrome";

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
      // The reader view: injected only when the reader asks for it, never part of the content script.
      additionalInputs: ["src/reader/index.ts"],
      transformManifest: (manifest) => ({
        ...manifest,
        version: pkg.version,
      }),
    }),
  ],
});
