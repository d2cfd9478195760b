import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Fix, FixKind } from "../../core";
import type { FixesApplied, FixesUndone, SkipReason } from "../../excel/applyFixes";
import type { FixGroup, FixState, PlannedFix } from "../hooks/useFixes";
import { ErrorBar } from "./ErrorBar";
import { PanelSection, PANEL_HEADING } from "./PanelSection";

const useStyles = makeStyles({
  heading: PANEL_HEADING,
  kinds: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  kind: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0 },
  preview: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  cells: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    maxHeight: "40vh",
    overflowY: "auto",
  },
  cell: { overflowWrap: "anywhere", minWidth: 0 },
  address: { fontWeight: tokens.fontWeightSemibold },
  why: { display: "block", color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const KIND_NAMES: Readonly<Record<FixKind, string>> = {
  code: "Values PARS spells another way",
  url: "Web addresses without https://",
  date: "Dates typed as text",
  status: "Declared status the data does not support",
};

/** The preview shows this many cells; the rest are counted. */
const SHOWN = 50;

const n = (x: number) => x.toLocaleString("en-US");
const cells = (x: number) => `${n(x)} ${x === 1 ? "cell" : "cells"}`;

const REASONS: Readonly<Record<SkipReason, string>> = {
  formula: "holds a formula",
  changed: "was changed since the check",
  gone: "is not where the check found it",
};

function skippedText(done: FixesApplied): string {
  if (done.skipped.length === 0) return "";
  const by = (r: SkipReason) => done.skipped.filter((s) => s.reason === r);
  return (["formula", "changed", "gone"] as const)
    .map((r) => ({ r, list: by(r) }))
    .filter(({ list }) => list.length > 0)
    .map(
      ({ r, list }) =>
        `Left ${cells(list.length)} as ${list.length === 1 ? "it is: it" : "they are: each"} ${REASONS[r]} (${list
          .slice(0, 5)
          .map((s) =>
            s.address === null
              ? `${s.fix.sheet} row ${String(s.fix.row)}, ${s.fix.column}`
              : `${s.fix.sheet}!${s.address}`
          )
          .join(", ")}${list.length > 5 ? ", …" : ""}).`
    )
    .join(" ");
}

function Preview(props: {
  fixes: readonly PlannedFix[];
  onApply: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const count = props.fixes.length;
  return (
    <section className={styles.preview} aria-labelledby="fix-preview-heading">
      <h3 id="fix-preview-heading" className={styles.heading}>
        Change {cells(count)}?
      </h3>
      <ul className={styles.cells} aria-label="Cells to change">
        {props.fixes.slice(0, SHOWN).map(({ fix, cell }) => (
          <li key={cell} className={styles.cell}>
            <Text size={200}>
              <span className={styles.address}>{cell}</span>: &ldquo;{fix.old}&rdquo; becomes
              &ldquo;{fix.new}&rdquo;
              <span className={styles.why}>{fix.why}</span>
            </Text>
          </li>
        ))}
      </ul>
      {count > SHOWN && <Text size={200}>and {cells(count - SHOWN)} more like these.</Text>}
      <Text size={200}>
        A cell holding a formula, or changed since the check, is left as it is. Each change is
        logged with the old value on the PARS Fixes sheet, so it can be undone.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onApply}>
          Change {cells(count)}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </section>
  );
}

function undoneText(done: FixesUndone): string {
  if (done.batch === null) return "There are no fixes to undo.";
  const kept =
    done.kept.length === 0
      ? ""
      : ` Kept ${cells(done.kept.length)} changed since the fix: ${done.kept.slice(0, 5).join(", ")}${done.kept.length > 5 ? ", …" : ""}.`;
  const values = done.restored === 1 ? "value" : "values";
  return `Put the old ${values} back in ${cells(done.restored)}.${kept}`;
}

/**
 * Fixes with one certain answer: for the chosen finding, or all of a kind, each after a preview
 * of the cells; then what was changed, what was left, and an undo, off while there is nothing
 * to undo.
 */
export function FixesPanel(props: {
  available: boolean;
  state: FixState;
  groups: readonly FixGroup[];
  /** The chosen finding's fix, when it has one. */
  chosen: Fix | null;
  statuses: boolean;
  /** A batch of fixes is left to undo. */
  canUndo: boolean;
  onStatuses: (on: boolean) => void;
  onPreview: (fixes: readonly Fix[]) => void;
  onCancel: () => void;
  onApply: () => void;
  onUndo: () => void;
}) {
  const styles = useStyles();
  const { state } = props;
  const busy = !props.available || state.status === "running";
  const total = props.groups.reduce((k, g) => k + g.fixes.length, 0);
  return (
    <PanelSection id="fixes" title="Fixes">
      <Text size={200}>
        {total === 0
          ? "No finding has one certain answer to write in for you."
          : `${cells(total)} can be written as PARS expects, with one certain answer each.`}
      </Text>
      {props.chosen !== null && (
        <div className={styles.kind}>
          <Text size={200} className={styles.grow}>
            The chosen finding: &ldquo;{props.chosen.old}&rdquo; can become &ldquo;
            {props.chosen.new}&rdquo;.
          </Text>
          <Button
            size="small"
            disabled={busy}
            onClick={() => props.chosen !== null && props.onPreview([props.chosen])}
          >
            Fix
          </Button>
        </div>
      )}
      {props.groups.length > 0 && (
        <ul className={styles.kinds} aria-label="Fixes by kind">
          {props.groups.map((g) => (
            <li key={g.kind} className={styles.kind}>
              <Text size={200} className={styles.grow}>
                {KIND_NAMES[g.kind]} ({n(g.fixes.length)})
              </Text>
              <Button
                size="small"
                disabled={busy}
                onClick={() => props.onPreview(g.fixes.map((p) => p.fix))}
              >
                Fix all {n(g.fixes.length)} of this kind
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Checkbox
        checked={props.statuses}
        onChange={(_, d) => props.onStatuses(d.checked === true)}
        label="Also offer to set each failing row's status to the one its data supports"
      />
      {state.status === "preview" && (
        <Preview fixes={state.fixes} onApply={props.onApply} onCancel={props.onCancel} />
      )}
      {state.status === "applied" && (
        <MessageBar
          intent={state.done.skipped.length === 0 ? "success" : "warning"}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {state.done.applied.length === 0
                ? "No cell was changed."
                : `Changed ${cells(state.done.applied.length)}, logged on the PARS Fixes sheet.`}
            </MessageBarTitle>{" "}
            {skippedText(state.done)}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "undone" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{undoneText(state.done)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && <ErrorBar error={state.error} />}
      <div className={styles.actions}>
        <Button size="small" disabled={busy || !props.canUndo} onClick={props.onUndo}>
          Undo last fixes
        </Button>
      </div>
      <Text role="status" size={200}>
        {state.status === "running" ? "Changing cells…" : ""}
      </Text>
    </PanelSection>
  );
}
