import { makeStyles, tokens, type GriffelStyle } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** The look of a panel's heading, for a sub-heading that should read the same. */
export const PANEL_HEADING: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  fontWeight: tokens.fontWeightSemibold,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: PANEL_HEADING,
});

/**
 * One panel of the pane (Findings, Fixes, Export, Settings...): a section named by its heading,
 * its parts stacked one under the other.
 */
export function PanelSection(props: {
  /** Makes the heading's id, `<id>-heading`, which names the section. */
  readonly id: string;
  readonly title: ReactNode;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
