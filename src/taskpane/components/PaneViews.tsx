import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

/**
 * One view of the pane, behind a tab. The pane lists its views as data, so a new one is one entry
 * in that list.
 */
export type PaneView = {
  /** Stable, for the tab's value and the element IDs. */
  readonly id: string;
  /** The tab's text. */
  readonly label: string;
  readonly content: ReactNode;
};

const useStyles = makeStyles({
  // The four tabs on one line in a 320 px pane: below 360 px the text is a size smaller and the
  // sides tighter, the selection bar kept under the text. At 200% zoom (160 CSS px) they wrap.
  tabs: { flexWrap: "wrap", minWidth: 0 },
  tab: {
    "@media (max-width: 359px)": {
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
      "::before": { left: tokens.spacingHorizontalXS, right: tokens.spacingHorizontalXS },
      "::after": { left: tokens.spacingHorizontalXS, right: tokens.spacingHorizontalXS },
    },
  },
  tabText: {
    "@media (max-width: 359px)": {
      fontSize: tokens.fontSizeBase200,
      lineHeight: tokens.lineHeightBase200,
    },
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
});

/** The tab list, for the pane's header. */
export function PaneTabs(props: {
  views: readonly PaneView[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={props.selected}
      onTabSelect={(_, d) => props.onSelect(String(d.value))}
      aria-label="Views"
    >
      {props.views.map((v) => (
        <Tab
          key={v.id}
          id={`tab-${v.id}`}
          value={v.id}
          aria-controls={`view-${v.id}`}
          className={styles.tab}
          content={{ className: styles.tabText }}
        >
          {v.label}
        </Tab>
      ))}
    </TabList>
  );
}

/**
 * Every view, the chosen one shown. The others stay mounted but hidden, so a half-typed setting or
 * a chosen export layout survives a look at another tab.
 */
export function PaneViewPanels(props: { views: readonly PaneView[]; selected: string }) {
  const styles = useStyles();
  return (
    <>
      {props.views.map((v) => (
        <div
          key={v.id}
          id={`view-${v.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${v.id}`}
          hidden={v.id !== props.selected}
          className={v.id === props.selected ? styles.panel : undefined}
        >
          {v.content}
        </div>
      ))}
    </>
  );
}
