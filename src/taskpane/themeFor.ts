import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * The Fluent theme matching Office's: Office reports its theme as colours, and a dark body
 * background means a dark theme. Light when Office gives no colour (outside Office, old hosts).
 */
export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  const m =
    bodyBackgroundColor === undefined
      ? null
      : /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor);
  if (m === null) return webLightTheme;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}

/**
 * Makes the page itself match the theme: no margin around the pane, the theme's background behind
 * it, and the browser's own controls (the date field's picker, scroll bars) in the same scheme.
 */
export function applyPageTheme(page: Document, theme: Theme): void {
  page.documentElement.style.colorScheme = theme === webDarkTheme ? "dark" : "light";
  page.body.style.margin = "0";
  page.body.style.backgroundColor = theme.colorNeutralBackground1;
  page.body.style.color = theme.colorNeutralForeground1;
}
