import {
  FluentProvider,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

/** Office's theme when it has one: a dark body background means a dark Office theme. */
function officeTheme(): Theme {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const m =
    background === undefined
      ? null
      : /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (m === null) return webLightTheme;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}

function start(): void {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html lacks its #container element");
  createRoot(container).render(
    <FluentProvider theme={officeTheme()}>
      <App />
    </FluentProvider>
  );
}

Office.onReady()
  .then(start)
  .catch((e: unknown) => {
    // Before React is running, the page itself is the only place left to say what failed.
    document.body.textContent = `PARS Ready could not start: ${e instanceof Error ? e.message : String(e)}`;
  });
