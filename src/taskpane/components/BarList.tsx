import {
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  type GriffelStyle,
  type Theme,
} from "@fluentui/react-components";

/** The Fluent token behind each bar's track. */
export const TRACK_TOKEN = "colorNeutralBackground3" satisfies keyof Theme;

/** One part of a bar: its share of the longest bar (0 to 1) and the class that fills it. */
export type BarPart = { readonly share: number; readonly className: string };

/** One bar: what it counts, the number shown after it, its parts, and its accessible name. */
export type Bar = {
  readonly key: string;
  readonly label: string;
  readonly count: string;
  readonly parts: readonly BarPart[];
  readonly name: string;
};

// Label and count on one line with the bar, thin, under them across the list: a line and a bit
// per bar, so a view of many bars still fits two screens of a narrow pane.
const stackedBelow = (width: string): GriffelStyle => ({
  [`@container (max-width: ${width})`]: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "end",
    "& > [data-part='label']": { gridColumn: "1", gridRow: "1" },
    "& > [data-part='count']": { gridColumn: "2", gridRow: "1" },
    "& > [data-part='track']": {
      gridColumn: "1 / -1",
      gridRow: "2",
      height: tokens.spacingVerticalSNudge,
    },
  },
});

/**
 * Below what width of the list (in its own em) each label goes on a line of its own, by the
 * longest label in characters. A label takes about 0.45em a character (12 px text in a 14 px
 * list); one line needs it within the label column's 60% and room for a bar of 4em, the count
 * and the gaps. A font wider than that reckoning wraps a label beside its bar; none is ever cut.
 */
const ROOM = [
  [12, "upTo12"],
  [20, "upTo20"],
  [32, "upTo32"],
] as const;
type Room = (typeof ROOM)[number][1] | "longer";

const useStyles = makeStyles({
  // One grid for the whole list, its rows on it as subgrids: every bar starts and ends at the
  // same place, so their lengths compare. The label column is as wide as the longest label, up
  // to 60% of the list, where a longer one wraps beside its bar.
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    gridTemplateColumns: "fit-content(60%) minmax(4em, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    // The bars lay out by the list's width, not the window's: the same list fits a 450 px pane,
    // a 320 px one and one at 200% zoom, wherever its view puts it.
    containerType: "inline-size",
  },
  bar: {
    gridColumn: "1 / -1",
    display: "grid",
    // An engine without subgrid lays each row out alone: the bars then start where each label
    // ends, but no label is cut.
    gridTemplateColumns: ["fit-content(60%) minmax(4em, 1fr) auto", "subgrid"],
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  upTo12: stackedBelow("14em"),
  upTo20: stackedBelow("18em"),
  upTo32: stackedBelow("25em"),
  longer: stackedBelow("30em"),
  label: { overflowWrap: "anywhere" },
  track: {
    height: tokens.spacingVerticalM,
    backgroundColor: tokens[TRACK_TOKEN],
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    display: "flex",
  },
  part: { height: "100%" },
  count: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

/**
 * Bars in a list named `name`, each item named by its bar's `name` for screen readers (label,
 * bar and count are hidden from them). A label is never cut: where it does not fit beside its
 * bar, it goes above it.
 */
export function BarList({ name, bars }: { name: string; bars: readonly Bar[] }) {
  const styles = useStyles();
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  const room: Room = ROOM.find(([chars]) => longest <= chars)?.[1] ?? "longer";
  return (
    <ul className={styles.list} aria-label={name}>
      {bars.map((b) => (
        <li key={b.key} className={mergeClasses(styles.bar, styles[room])} aria-label={b.name}>
          <Text size={200} className={styles.label} data-part="label" aria-hidden>
            {b.label}
          </Text>
          <div className={styles.track} data-part="track" aria-hidden>
            {b.parts.map((p, i) => (
              <div
                key={i}
                className={mergeClasses(styles.part, p.className)}
                style={{ width: `${String(p.share * 100)}%` }}
              />
            ))}
          </div>
          <Text size={200} className={styles.count} data-part="count" aria-hidden>
            {b.count}
          </Text>
        </li>
      ))}
    </ul>
  );
}
