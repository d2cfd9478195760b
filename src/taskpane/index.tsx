// Placeholder task pane: proves the shared runtime page renders React + Fluent inside Office.
// The real pane replaces this file.
import { FluentProvider, Title1, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function render(): void {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title1 as="h1">PARS Ready</Title1>
    </FluentProvider>
  );
}

Office.onReady()
  .then(render)
  .catch((e: unknown) => {
    // Nothing else can show the failure before React is up: put it where the pane would be.
    document.body.textContent = `PARS Ready could not start: ${String(e)}`;
  });
