// What a page looks like on screen, read from a screenshot: enough PNG decoding (8-bit RGB or
// RGBA, not interlaced: what Chromium and Firefox write) to count the pixels of a colour in a box.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import type { Box } from "./frames";

export interface Picture {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  data: Uint8Array;
}

/** The decoded pixels of a PNG file. */
export function readPng(file: string): Picture {
  const png = readFileSync(file);
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`${file}: only 8-bit RGB(A) without interlacing is read (depth ${depth}, colour ${colour})`);
    } else if (type === "IDAT") {
      idat.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  // Each row starts with its filter type; filters refer to the pixel left, the row above, or both.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (data[row + i - channels] ?? 0) : 0;
      const up = y > 0 ? (data[row - stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= channels ? (data[row - stride + i - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      data[row + i] = (x + predicted) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/**
 * How many pixels inside `box` (CSS px of a viewport `viewportWidth` wide; the picture may be
 * scaled by the device pixel ratio) are within `tolerance` of the colour `rgb` in every channel.
 */
export function countColour(picture: Picture, box: Box, rgb: readonly [number, number, number], viewportWidth: number, tolerance = 24): number {
  const scale = picture.width / viewportWidth;
  const x0 = Math.max(0, Math.ceil(box.x * scale));
  const y0 = Math.max(0, Math.ceil(box.y * scale));
  const x1 = Math.min(picture.width, Math.floor((box.x + box.width) * scale));
  const y1 = Math.min(picture.height, Math.floor((box.y + box.height) * scale));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y * picture.width + x) * picture.channels;
      const near = rgb.every((c, i) => Math.abs((picture.data[at + i] ?? 0) - c) <= tolerance);
      if (near) count++;
    }
  }
  return count;
}
