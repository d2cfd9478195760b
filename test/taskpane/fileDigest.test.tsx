import { createHash, webcrypto } from "node:crypto";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { fileSha256 } from "../../src/taskpane/fileDigest";

// The Export Log's fingerprint must be the same digits whichever digest makes it: the browser's
// (Web Crypto) in Excel, core's portable one where there is none, Node's on the command line.
describe("fileSha256", () => {
  const text = "Template D\tQuébec – “quoted” 😀 lone \ud800 surrogate\r\n";
  // The file's chunks, as exportChunks gives them: the digest is of their bytes end to end.
  const chunks = ["Template D\tQuébec – ", "“quoted” 😀", "", " lone \ud800 surrogate\r\n"];
  const expected = createHash("sha256")
    .update(Buffer.from(text.replace("\ud800", "\ufffd"), "utf8"))
    .digest("hex");

  it("gives the file's SHA-256 with the browser's digest", async () => {
    const hadEncoder = "TextEncoder" in globalThis;
    globalThis.TextEncoder ??= NodeTextEncoder;
    try {
      const calls: string[] = [];
      const subtle = {
        digest: (algorithm: "SHA-256", data: Uint8Array) => {
          calls.push(algorithm);
          return webcrypto.subtle.digest(algorithm, data);
        },
      };
      await expect(fileSha256(chunks, subtle)).resolves.toBe(expected);
      expect(calls).toEqual(["SHA-256"]);
    } finally {
      if (!hadEncoder) delete (globalThis as { TextEncoder?: unknown }).TextEncoder;
    }
  });

  it("gives the same digits with core's digest where the browser has none", async () => {
    await expect(fileSha256(chunks, null)).resolves.toBe(expected);
  });
});
