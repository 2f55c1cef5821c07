// Renders icons/icon.svg to the PNG sizes the manifest names (icons/icon-{16,32,48,128}.png).
// The PNGs are checked in; run `npm run icons` after changing the drawing.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

const iconsDir = fileURLToPath(new URL("../icons/", import.meta.url));
const svg = readFileSync(`${iconsDir}icon.svg`, "utf8");

for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
  writeFileSync(`${iconsDir}icon-${size}.png`, png);
  console.log(`icons/icon-${size}.png  ${png.length} bytes`);
}
