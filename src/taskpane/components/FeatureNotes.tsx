import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { NEEDS, type Capabilities } from "../../excel/capabilities";

const NOTES: Readonly<Record<keyof Capabilities, string>> = {
  check: "Checking needs a newer Excel",
  highlight: "Marking the sheet needs a newer Excel; findings are listed here only",
  live: "Re-checking as you edit needs a newer Excel; press Check again after edits",
  insertTables: "Inserting PARS tables needs a newer Excel",
};

/** One note per feature this Excel cannot run, saying which version it needs. */
export function FeatureNotes({ capabilities }: { capabilities: Capabilities }) {
  const off = (Object.keys(NOTES) as (keyof Capabilities)[]).filter((k) => !capabilities[k]);
  if (off.length === 0) return null;
  return (
    <>
      {off.map((k) => (
        <MessageBar key={k} intent="info">
          <MessageBarBody>
            {NOTES[k]} (Excel API {NEEDS[k]}: Microsoft 365, Excel 2021 or Excel on the web).
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
