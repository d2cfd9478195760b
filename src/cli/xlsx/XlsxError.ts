/**
 * A workbook the reader refuses, or a part of it: the message names the part and says why, in one
 * line a coordinator can act on. The caller puts the file's name in front.
 */
export class XlsxError extends Error {
  override readonly name = "XlsxError";
}
