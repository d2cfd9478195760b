#!/usr/bin/env node
// Draws the PARS Ready icon (a white check mark on a rounded blue square) at the sizes the Office
// manifest and ribbon ask for, as PNGs written with node's zlib alone: our own art, reproducible
// byte for byte, no image library. Run `node scripts/make-icons.js` after changing the drawing;
// the PNGs in assets/ are committed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

/** Manifest IconUrl is 32 px, HighResolutionIconUrl 64 px; ribbon buttons take 16, 32 and 80. */
const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, "..", "assets");

// Fluent's brand blue, so that the icon sits well beside Office's own.
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

/** Distance from point p to the segment a-b, in the unit square. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour and coverage of one point of the unit square: [r, g, b, a] with a in 0..1. */
function shade(x, y) {
  // Rounded square: corner radius 0.2 of the side.
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return [0, 0, 0, 0];
  const check = Math.min(
    segmentDistance(x, y, 0.25, 0.52, 0.43, 0.7),
    segmentDistance(x, y, 0.43, 0.7, 0.76, 0.32)
  );
  return check < 0.075 ? [...WHITE, 1] : [...BLUE, 1];
}

/** RGBA pixels of the icon at `size` px, 4×4 supersampled so that edges are smooth. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const s = shade((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
          r += s[0] * s[3];
          g += s[1] * s[3];
          b += s[2] * s[3];
          a += s[3];
        }
      }
      const o = (j * size + i) * 4;
      // Colour is averaged over covered samples only (straight alpha, as PNG stores it).
      px[o] = a === 0 ? 0 : Math.round(r / a);
      px[o + 1] = a === 0 ? 0 : Math.round(g / a);
      px[o + 2] = a === 0 ? 0 : Math.round(b / a);
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA pixels. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The icon file for one size, as committed in assets/. */
function icon(size) {
  return png(size, draw(size));
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, icon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { SIZES, icon };
