import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { ACHIEVED_ORDER, type AchievedStatus, type CheckSummary } from "../../core";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  totals: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  bars: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  bar: {
    display: "grid",
    gridTemplateColumns: "7.5em 1fr 3.5em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  track: {
    height: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
  },
  fill: { height: "100%" },
  count: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  Incomplete: { backgroundColor: tokens.colorPaletteRedBackground3 },
  Draft: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  Active: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  ReadyToClose: { backgroundColor: tokens.colorPaletteTealBackground2 },
  Closed: { backgroundColor: tokens.colorPaletteGreenBackground3 },
});

const CLASS: Readonly<
  Record<AchievedStatus, "Incomplete" | "Draft" | "Active" | "ReadyToClose" | "Closed">
> = {
  Incomplete: "Incomplete",
  Draft: "Draft",
  Active: "Active",
  "Ready to Close": "ReadyToClose",
  Closed: "Closed",
};

const n = (x: number) => x.toLocaleString("en-US");
const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** The state of the workbook at a glance: totals, and rows per achieved status as bars. */
export function StatusChart({ summary }: { summary: CheckSummary }) {
  const styles = useStyles();
  const most = Math.max(1, ...ACHIEVED_ORDER.map((s) => summary.byAchieved[s]));
  return (
    <section className={styles.root} aria-labelledby="glance-heading">
      <h2 id="glance-heading" className={styles.heading}>
        At a glance
      </h2>
      <ul className={styles.totals} aria-label="Totals">
        <li>
          <Text>{count(summary.activities, "activity", "activities")}</Text>
        </li>
        <li>
          <Text weight="semibold">{n(summary.failing)} failing their status</Text>
        </li>
        <li>
          <Text>{count(summary.errors, "error", "errors")}</Text>
        </li>
        <li>
          <Text>{count(summary.warnings, "warning", "warnings")}</Text>
        </li>
      </ul>
      <ul className={styles.bars} aria-label="Rows by the status their data supports">
        {ACHIEVED_ORDER.map((status) => {
          const rows = summary.byAchieved[status];
          return (
            <li key={status} className={styles.bar} aria-label={`${status}: ${n(rows)}`}>
              <Text size={200} aria-hidden>
                {status}
              </Text>
              <div className={styles.track} aria-hidden>
                <div
                  className={mergeClasses(styles.fill, styles[CLASS[status]])}
                  style={{ width: `${String((rows / most) * 100)}%` }}
                />
              </div>
              <Text size={200} className={styles.count} aria-hidden>
                {n(rows)}
              </Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
