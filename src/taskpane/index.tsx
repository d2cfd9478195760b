import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { applyPageTheme, themeFor } from "./themeFor";

function start(): void {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html lacks its #container element");
  const theme = themeFor(Office.context.officeTheme?.bodyBackgroundColor);
  applyPageTheme(document, theme);
  createRoot(container).render(
    <FluentProvider theme={theme}>
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
