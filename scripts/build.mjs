// Builds dist/chrome and dist/firefox from the one manifest.json and src/.
import { build } from "vite";

for (const browser of ["chrome", "firefox"]) {
  process.env.TARGET_BROWSER = browser;
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
  console.log(`built dist/${browser}`);
}
