import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { PaneError } from "../paneError";

/** A failure: what happened, then what to do. */
export function ErrorBar({ error }: { error: PaneError }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle> {error.remedy}
      </MessageBarBody>
    </MessageBar>
  );
}
