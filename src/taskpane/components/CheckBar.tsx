import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { CheckSummary } from "../../core";
import type { CheckProgress } from "../../excel/WorkbookGateway";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  failing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

const n = (x: number) => x.toLocaleString("en-US");
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** What a progress report says in words. */
export function progressText(progress: CheckProgress | null): string {
  if (progress === null) return "Starting the check…";
  switch (progress.phase) {
    case "reading":
      return progress.total === 0
        ? "Reading the tables…"
        : `Reading ${n(progress.done)} of ${count(progress.total, "activity", "activities")}…`;
    case "checking":
      return "Checking each activity against its PARS status…";
    case "marking":
      return "Marking the sheet…";
  }
}

/**
 * The Check and Clear buttons, the day checked as of, the counts of the last check, and a live
 * region: progress while a check runs, then the outcome, so that a screen reader hears both.
 */
export function CheckBar(props: {
  available: boolean;
  running: boolean;
  progress: CheckProgress | null;
  canClear: boolean;
  live: boolean;
  /** The day checks judge "in the past" by, as the pane shows dates. */
  asOf: string;
  summary: CheckSummary | null;
  /** One sentence on the last result, announced when a check ends. */
  outcome: string | null;
  /** True when the last check was stopped before it ended. */
  cancelled: boolean;
  onCheck: () => void;
  onCancel: () => void;
  onClear: () => void;
}) {
  const styles = useStyles();
  const { progress, summary } = props;
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
        {props.running ? (
          <Button onClick={props.onCancel}>Cancel</Button>
        ) : (
          <Button onClick={props.onClear} disabled={!props.canClear}>
            Clear highlights
          </Button>
        )}
        <Text size={200}>As of {props.asOf}</Text>
      </div>
      {summary !== null && (
        <ul className={styles.counts} aria-label="Counts">
          <li>
            <Text size={200}>{count(summary.activities, "activity", "activities")}</Text>
          </li>
          <li>
            <Text size={200} className={summary.failing > 0 ? styles.failing : undefined}>
              {n(summary.failing)} failing their status
            </Text>
          </li>
          <li>
            <Text size={200}>{count(summary.errors, "error")}</Text>
          </li>
          <li>
            <Text size={200}>{count(summary.warnings, "warning")}</Text>
          </li>
        </ul>
      )}
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
            {props.cancelled && <Text size={200}>Check cancelled; nothing was changed. </Text>}
            {props.outcome !== null && <Text size={200}>{props.outcome} </Text>}
            {props.live && (
              <Text size={200} className={styles.note}>
                Live: edits are re-checked as you type.
              </Text>
            )}
          </>
        )}
      </div>
    </div>
  );
}
