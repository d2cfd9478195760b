/**
 * Characters no upload may carry inside a value: C0 and C1 control characters (tab, line feed and
 * carriage return split a tab-delimited line; the others are illegal or invisible in XML 1.0), the
 * non-characters U+FFFE and U+FFFF, and UTF-16 surrogates without their pair (XML cannot encode
 * them and UTF-8 would turn them into U+FFFD). A run of them becomes one space, so "a\r\nb" reads
 * "a b" rather than "a  b".
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /(?:[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+/g;

/**
 * The text with every run of characters no upload can carry replaced by one space. Returns the
 * same string (by identity) when nothing needed changing.
 */
export function safeText(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  UNSAFE.lastIndex = 0;
  return text.replace(UNSAFE, " ").trim();
}
