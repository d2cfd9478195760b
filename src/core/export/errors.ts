/** A caller asked for an upload layout core does not have. */
export class UnknownLayoutError extends Error {
  override readonly name = "UnknownLayoutError";
  constructor(readonly layout: string) {
    super(`No upload layout "${layout}"; expected one of: xml, txt`);
  }
}
