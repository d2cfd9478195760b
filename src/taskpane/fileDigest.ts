import { sha256Hex } from "../core";

/** The part of Web Crypto the pane uses. */
type Digester = { digest: (algorithm: "SHA-256", data: Uint8Array) => Promise<ArrayBuffer> };

/**
 * SHA-256 of the UTF-8 bytes of a file's text, given as chunks one after the other
 * (`exportChunks`), as 64 lower-case hex digits, for the Export Log. The browser's own encoder and
 * digest where it has them (Office add-ins run over https, where Web Crypto is always there):
 * core's portable digest takes about 2 s for a 240 MB file, the browser's a tenth of that. Both
 * give the same digits (the encoder too writes a lone surrogate as U+FFFD, and chunks never split
 * a surrogate pair: they are cut between the file's pieces, each a whole value or constant).
 */
export async function fileSha256(
  chunks: readonly string[],
  subtle: Digester | null = (globalThis as { crypto?: { subtle?: Digester } }).crypto?.subtle ??
    null
): Promise<string> {
  if (subtle === null || typeof TextEncoder === "undefined") return sha256Hex(chunks.join(""));
  // Web Crypto digests one buffer: the chunks are encoded one by one, then laid end to end.
  const encoder = new TextEncoder();
  const encoded = chunks.map((c) => encoder.encode(c));
  const bytes = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  let at = 0;
  for (const e of encoded) {
    bytes.set(e, at);
    at += e.length;
  }
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}
