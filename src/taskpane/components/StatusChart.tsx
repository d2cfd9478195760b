import { makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { ACHIEVED_ORDER, type AchievedStatus, type CheckSummary } from "../../core";
import { BarList } from "./BarList";
import { PanelSection } from "./PanelSection";

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
    <PanelSection id="glance" title="At a glance">
      <BarList
        name="Rows by the status their data supports"
        bars={ACHIEVED_ORDER.map((status) => {
          const rows = summary.byAchieved[status];
          return {
            key: status,
            label: status,
            count: n(rows),
            parts: [{ share: rows / most, className: styles[CLASS[status]] }],
            name: `${status}: ${n(rows)}`,
          };
        })}
      />
    </PanelSection>
  );
}
