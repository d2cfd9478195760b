import { sha256Hex } from "../core";

/** The part of Web Crypto the pane uses. */
type Digester = { digest: (algorithm: "SHA-256", data: Uint8Array) => Promise<ArrayBuffer> };

/**
 * SHA-256 of a file's UTF-8 bytes as 64 lower-case hex digits, for the Export Log. The browser's
 * own encoder and digest where it has them (Office add-ins run over https, where Web Crypto is
 * always there): core's portable digest takes about 2 s for a 240 MB file, the browser's a tenth
 * of that. Both give the same digits (the encoder too writes a lone surrogate as U+FFFD).
 */
export async function fileSha256(
  text: string,
  subtle: Digester | null = (globalThis as { crypto?: { subtle?: Digester } }).crypto?.subtle ??
    null
): Promise<string> {
  if (subtle === null || typeof TextEncoder === "undefined") return sha256Hex(text);
  const digest = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}
