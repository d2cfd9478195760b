/**
 * Characters no upload may carry inside a value: C0 and C1 control characters (tab, line feed and
 * carriage return split a tab-delimited line; the others are illegal or invisible in XML 1.0), the
 * line and paragraph separators U+2028 and U+2029 (line breaks to many readers, Excel's and
 * JavaScript's among them), the non-characters U+FFFE and U+FFFF, and UTF-16 surrogates without
 * their pair (XML cannot encode them and UTF-8 would turn them into U+FFFD). A run of them becomes
 * one space, so "a\r\nb" reads "a b" rather than "a  b".
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /(?:[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+/g;

/**
 * Bidirectional controls: the marks (U+200E, U+200F, U+061C), embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). Invisible, they reorder how text is shown, so a
 * file reviewed on screen can read otherwise than what PARS stores ("Trojan Source"). They take no
 * room, so they are removed without a space in their place.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every bidirectional control removed and every run of other characters no upload
 * can carry replaced by one space. Returns the same string (by identity) when nothing needed
 * changing.
 */
export function safeText(text: string): string {
  UNSAFE.lastIndex = 0;
  BIDI.lastIndex = 0;
  const unsafe = UNSAFE.test(text);
  const bidi = BIDI.test(text);
  if (!unsafe && !bidi) return text;
  UNSAFE.lastIndex = 0;
  BIDI.lastIndex = 0;
  const cleared = bidi ? text.replace(BIDI, "") : text;
  return (unsafe ? cleared.replace(UNSAFE, " ") : cleared).trim();
}

/** What makes Excel read a cell as a formula when it opens a text file: its first character. */
const FORMULA_START = /^[=+\-@]/;

/**
 * True when text would be run as a formula if the file it is in were opened in Excel to review it
 * (a .txt upload, typically): Excel evaluates a cell that starts with `=`, `+`, `-` or `@`. The
 * file must carry the text as typed, so it is not changed; the preview names it.
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
