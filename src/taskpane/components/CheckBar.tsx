import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { CheckProgress } from "../../excel/WorkbookGateway";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** What a progress report says in words. */
export function progressText(progress: CheckProgress | null): string {
  if (progress === null) return "Starting the check…";
  switch (progress.phase) {
    case "reading":
      return `Reading rows: ${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")}`;
    case "checking":
      return "Checking rows against their PARS status…";
    case "marking":
      return "Marking the sheet…";
  }
}

/**
 * The Check and Clear buttons, and a live region: progress while a check runs, then the outcome,
 * so that a screen reader hears both.
 */
export function CheckBar(props: {
  available: boolean;
  running: boolean;
  progress: CheckProgress | null;
  canClear: boolean;
  live: boolean;
  /** One sentence on the last result, announced when a check ends. */
  outcome: string | null;
  onCheck: () => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { progress } = props;
  const fraction =
    progress?.phase === "reading" && progress.total > 0
      ? progress.done / progress.total
      : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={props.onCheck}
          disabled={!props.available || props.running}
        >
          Check
        </Button>
        <Button onClick={props.onClear} disabled={props.running || !props.canClear}>
          Clear highlights
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {props.running ? (
          <>
            <ProgressBar
              {...(fraction === undefined ? {} : { value: fraction })}
              aria-label="Check progress"
            />
            <Text size={200}>{progressText(progress)}</Text>
          </>
        ) : (
          <>
            {props.outcome !== null && <Text size={200}>{props.outcome} </Text>}
            {props.live && (
              <Text size={200} className={styles.note}>
                Live: edits to the tables are re-checked as you type.
              </Text>
            )}
          </>
        )}
      </div>
    </div>
  );
}
