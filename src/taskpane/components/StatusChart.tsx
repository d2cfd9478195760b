import { makeStyles, mergeClasses, Text, tokens, type Theme } from "@fluentui/react-components";
import { ACHIEVED_ORDER, type AchievedStatus, type CheckSummary } from "../../core";

/** The Fluent token behind each bar's track. */
export const TRACK_TOKEN = "colorNeutralBackground3" satisfies keyof Theme;

/**
 * The Fluent token filling each status's bar: the palette's foreground colours, made to be read
 * on the pane's background, which keep at least 3:1 against the track in both themes (WCAG
 * 1.4.11; `test/taskpane/contrast.test.tsx` computes it). Marigold's first foreground is 2.4:1 in
 * the light theme, so Draft takes its second.
 */
export const BAR_TOKENS = {
  Incomplete: "colorPaletteRedForeground1",
  Draft: "colorPaletteMarigoldForeground2",
  Active: "colorPaletteBlueForeground2",
  ReadyToClose: "colorPaletteTealForeground2",
  Closed: "colorPaletteGreenForeground1",
} as const satisfies Record<string, keyof Theme>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  bars: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  // Label, bar and count on one line; in a very narrow pane (200% zoom) the bar takes a line
  // of its own under them.
  bar: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 7.5em) minmax(2em, 1fr) auto",
    gridTemplateAreas: '"label track count"',
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    "@media (max-width: 240px)": {
      gridTemplateColumns: "minmax(0, 1fr) auto",
      gridTemplateAreas: '"label count" "track track"',
    },
  },
  label: { gridArea: "label", overflowWrap: "anywhere" },
  track: {
    gridArea: "track",
    height: tokens.spacingVerticalM,
    backgroundColor: tokens[TRACK_TOKEN],
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
  },
  fill: { height: "100%" },
  count: { gridArea: "count", textAlign: "end", fontVariantNumeric: "tabular-nums" },
  Incomplete: { backgroundColor: tokens[BAR_TOKENS.Incomplete] },
  Draft: { backgroundColor: tokens[BAR_TOKENS.Draft] },
  Active: { backgroundColor: tokens[BAR_TOKENS.Active] },
  ReadyToClose: { backgroundColor: tokens[BAR_TOKENS.ReadyToClose] },
  Closed: { backgroundColor: tokens[BAR_TOKENS.Closed] },
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

/** The state of the workbook at a glance: rows per achieved status as bars (the header counts). */
export function StatusChart({ summary }: { summary: CheckSummary }) {
  const styles = useStyles();
  const most = Math.max(1, ...ACHIEVED_ORDER.map((s) => summary.byAchieved[s]));
  return (
    <section className={styles.root} aria-labelledby="glance-heading">
      <h2 id="glance-heading" className={styles.heading}>
        At a glance
      </h2>
      <ul className={styles.bars} aria-label="Rows by the status their data supports">
        {ACHIEVED_ORDER.map((status) => {
          const rows = summary.byAchieved[status];
          return (
            <li key={status} className={styles.bar} aria-label={`${status}: ${n(rows)}`}>
              <Text size={200} className={styles.label} aria-hidden>
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
