import { createInflateRaw } from "node:zlib";
import { XlsxError } from "./XlsxError";

/** One file inside the zip, as its central directory lists it. */
export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/**
 * The entries of a zip held in memory, from its central directory (the authoritative list: local
 * headers may carry zero sizes when a data descriptor follows).
 *
 * @throws {XlsxError} when there is no central directory or it runs past the end of the file
 */
export function listEntries(zip: Buffer): Map<string, ZipEntry> {
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 bytes).
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new XlsxError("is damaged: the zip has no central directory (the file may be cut short)");
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (offset === ZIP64_MARK || size === ZIP64_MARK) {
    throw new XlsxError("the zip is in the ZIP64 form, used only past 4 GB; too large to read");
  }
  if (offset + size > eocd)
    throw new XlsxError("is damaged: the zip's central directory is broken");
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) {
      throw new XlsxError("is damaged: the zip's central directory is broken");
    }
    const flags = zip.readUInt16LE(p + 8);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: zip.readUInt16LE(p + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: zip.readUInt32LE(p + 20),
      declaredSize: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry in pieces, handing each to `onChunk` as it comes, and stops as soon as the
 * part passes `cap` bytes: a small zip can hold a part that inflates to gigabytes, and neither the
 * declared size nor the compressed size bounds what the inflater will produce.
 *
 * @throws {XlsxError} (rejects) for an encrypted entry, an unknown compression method, damaged data
 *   or a part past `cap`; rejects with whatever `onChunk` throws
 */
export function inflateEntry(
  zip: Buffer,
  entry: ZipEntry,
  cap: number,
  onChunk: (chunk: Buffer) => void
): Promise<number> {
  const part = entry.name;
  if (entry.encrypted) return Promise.reject(new XlsxError(`${part} is encrypted`));
  if (entry.declaredSize > cap) return Promise.reject(tooLarge(part, cap));
  const h = entry.localHeaderOffset;
  if (h + 30 > zip.length || zip.readUInt32LE(h) !== LOCAL) {
    return Promise.reject(new XlsxError(`${part} is damaged (no local header)`));
  }
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) return Promise.reject(new XlsxError(`${part} is cut short`));
  const data = zip.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > cap) return Promise.reject(tooLarge(part, cap));
    // A handler's throw inside the executor becomes the rejection.
    return new Promise((resolve) => {
      onChunk(data);
      resolve(data.length);
    });
  }
  if (entry.method !== 8) {
    return Promise.reject(
      new XlsxError(`${part} uses compression method ${entry.method}, which Excel does not write`)
    );
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let total = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      inflater.destroy();
      reject(e);
    };
    inflater.on("data", (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > cap) return fail(tooLarge(part, cap));
      try {
        onChunk(chunk);
      } catch (e) {
        fail(e as Error);
      }
    });
    inflater.on("error", (e) => fail(new XlsxError(`${part} is damaged (${e.message})`)));
    inflater.on("end", () => {
      if (!failed) resolve(total);
    });
    inflater.end(data);
  });
}

const tooLarge = (part: string, cap: number) =>
  new XlsxError(`${part} inflates past ${Math.round(cap / 2 ** 20)} MB, the most this tool reads`);
