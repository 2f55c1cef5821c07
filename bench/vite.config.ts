import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The benchmark's in-page bundle: bench/entry.ts (Tidyread's real src/ modules, Readability and
// the bare walk) as one minified IIFE that sets `window.TidyreadBench`, like the extension's own
// build minifies its content script.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  root,
  logLevel: "warn",
  build: {
    outDir: path.join(root, "bench-out/bundle"),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    lib: {
      entry: path.join(root, "bench/entry.ts"),
      formats: ["iife"],
      name: "TidyreadBench",
      fileName: () => "tidyread-bench.js",
    },
  },
});
