import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  heading: { margin: 0, minWidth: 0 },
  // The heading is the line read first, so it wraps rather than cuts, at the size of the text
  // around it; pulled left by its own padding so its text lines up with the lines above.
  button: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  // The mark in a column of its own, so a heading that wraps keeps its lines under its first word.
  line: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
  },
  semibold: { fontWeight: tokens.fontWeightSemibold },
  regular: { fontWeight: tokens.fontWeightRegular },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    minWidth: 0,
  },
});

/**
 * A part of a view folded under a heading that says what is inside (a count, what is left to
 * do): the heading's button opens and closes it. The children exist only while it is open, so
 * state that must outlive a fold lives above it.
 */
export function Fold(props: {
  heading: ReactNode;
  /** The heading's level in the view's outline. */
  level: 3 | 4;
  weight?: "semibold" | "regular";
  children: ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const Heading = props.level === 3 ? "h3" : "h4";
  return (
    <div>
      <Heading className={styles.heading}>
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((x) => !x)}
          className={mergeClasses(
            styles.button,
            props.weight === "regular" ? styles.regular : styles.semibold
          )}
        >
          <span className={styles.line}>
            <span aria-hidden>{open ? "▾" : "▸"}</span>
            <span>{props.heading}</span>
          </span>
        </Button>
      </Heading>
      {open && (
        <div id={panelId} className={styles.panel}>
          {props.children}
        </div>
      )}
    </div>
  );
}
