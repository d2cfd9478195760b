import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { TRACK_TOKEN } from "../../src/taskpane/components/BarList";
import { BAR_TOKENS } from "../../src/taskpane/components/StatusChart";
import { YEAR_END_BAR_TOKENS } from "../../src/taskpane/components/YearEndView";

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? "", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const THEMES: readonly (readonly [string, Theme])[] = [
  ["light", webLightTheme],
  ["dark", webDarkTheme],
];

/** Indicators the pane draws and what they are drawn on, as Fluent tokens. */
const PAIRS: readonly (readonly [string, keyof Theme, keyof Theme])[] = [
  ...Object.entries(BAR_TOKENS).map(
    ([status, token]) => [`the ${status} bar on its track`, token, TRACK_TOKEN] as const
  ),
  ...Object.entries(YEAR_END_BAR_TOKENS).map(
    ([what, token]) => [`the year end's ${what} bar on its track`, token, TRACK_TOKEN] as const
  ),
  // Fluent's focus outline (createFocusOutlineStyle) on the pane's background.
  ["the focus outline", "colorStrokeFocus2", "colorNeutralBackground1"],
  // The selected tab's underline, at rest and hovered.
  ["the selected tab's indicator", "colorCompoundBrandStroke", "colorNeutralBackground1"],
  [
    "the selected tab's indicator, hovered",
    "colorCompoundBrandStroke",
    "colorNeutralBackground1Hover",
  ],
  // The chosen finding: a brand stripe on a brand-tinted row (FindingsList).
  ["the chosen finding's stripe", "colorBrandStroke1", "colorBrandBackground2"],
];

describe("non-text contrast (WCAG 1.4.11)", () => {
  it("computes the ratio as WCAG defines it", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#abcdef", "#abcdef")).toBe(1);
  });

  it.each(THEMES.flatMap(([name, theme]) => PAIRS.map((p) => [name, ...p, theme] as const)))(
    "%s theme: %s keeps at least 3:1",
    (_theme, _what, fore, back, theme) => {
      expect(contrast(String(theme[fore]), String(theme[back]))).toBeGreaterThanOrEqual(3);
    }
  );

  it("would catch the palette colour the Draft bar used before", () => {
    expect(
      contrast(webLightTheme.colorPaletteMarigoldForeground1, webLightTheme[TRACK_TOKEN])
    ).toBeLessThan(3);
  });
});
