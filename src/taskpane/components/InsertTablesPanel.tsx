import { Button, Checkbox, Text } from "@fluentui/react-components";
import { excelTableNameOf, TABLE_SPECS } from "../../core";
import type { InsertedTables } from "../../excel/insertTables";
import type { InsertState } from "../hooks/useInsertTables";
import { ErrorBar } from "./ErrorBar";
import { PanelSection } from "./PanelSection";

const CANONICAL = TABLE_SPECS.map((s) => excelTableNameOf(s.table));

function doneText(made: InsertedTables): string {
  const added = `Added sheets ${made.sheets.join(", ")}. Fill them in, then press Check.`;
  const renamed = made.tables.filter((t, i) => t !== CANONICAL[i]);
  return renamed.length === 0
    ? added
    : `${added} Some names were taken, so the new tables are ${renamed.join(", ")}; Check reads the tables already named ${CANONICAL.filter((_, i) => made.tables[i] !== CANONICAL[i]).join(", ")}.`;
}

/** Starting a workbook from scratch: the PARS tables on new sheets. */
export function InsertTablesPanel(props: {
  available: boolean;
  state: InsertState;
  example: boolean;
  onExample: (example: boolean) => void;
  onInsert: () => void;
}) {
  return (
    <PanelSection id="insert" title="Start a PARS workbook">
      <Text size={200}>
        Adds Activities, Support, MOC, Sessions, Learner Counts and Learners tables on new sheets,
        with dropdowns for coded columns. Existing sheets are left as they are.
      </Text>
      <Checkbox
        checked={props.example}
        onChange={(_, d) => props.onExample(d.checked === true)}
        label="Include the FAQ's grand-rounds series as an example row"
      />
      <Button
        disabled={!props.available || props.state.status === "running"}
        onClick={props.onInsert}
      >
        Insert PARS tables
      </Button>
      <Text role="status" size={200}>
        {props.state.status === "done" ? doneText(props.state.made) : ""}
      </Text>
      {props.state.status === "failed" && <ErrorBar error={props.state.error} />}
    </PanelSection>
  );
}
