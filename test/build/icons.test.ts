// The icons in assets/ are the output of scripts/make-icons.js, byte for byte, and real PNGs of
// the sizes the manifest names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";

const ROOT = path.resolve(__dirname, "../..");
const { SIZES, icon } = createRequire(__filename)(path.join(ROOT, "scripts/make-icons.js")) as {
  SIZES: number[];
  icon: (size: number) => Buffer;
};

/** Width, height and the inflated image data of a PNG with one IDAT chunk. */
function readPng(file: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < file.length) {
    const len = file.readUInt32BE(at);
    const type = file.toString("ascii", at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === "IDAT") data.push(body);
    at += 12 + len;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(data)) };
}

describe("assets/ icons", () => {
  it("come in the sizes Office asks for", () => {
    expect(SIZES).toEqual([16, 32, 64, 80, 128]);
  });

  it.each([16, 32, 64, 80, 128])("icon-%i.png is what the script draws", (size) => {
    const committed = readFileSync(path.join(ROOT, `assets/icon-${size}.png`));
    expect(committed.equals(icon(size))).toBe(true);
    const { width, height, pixels } = readPng(committed);
    expect([width, height]).toEqual([size, size]);
    expect(pixels.length).toBe(size * (size * 4 + 1));
  });

  it("every image the manifest names is one of them", () => {
    const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const named = [...manifest.matchAll(/\/assets\/(icon-\d+\.png)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(SIZES.map((s) => `icon-${s}.png`)).toContain(n);
  });
});
