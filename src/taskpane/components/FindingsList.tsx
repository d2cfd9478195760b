import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  SearchBox,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import { ACHIEVED_ORDER, type AchievedStatus, type TableName } from "../../core";
import type { FindingLine } from "../hooks/useFindings";
import {
  needsText,
  type FindingFilter,
  type FindingItem,
  type GroupBy,
} from "../viewModels/findingGroups";
import { PanelSection } from "./PanelSection";

const useStyles = makeStyles({
  controls: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0 },
  field: { minWidth: 0, maxWidth: "100%" },
  search: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  select: { minWidth: 0, maxWidth: "100%" },
  nav: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  groupLine: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
  lineButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
  groupButton: { fontWeight: tokens.fontWeightSemibold },
  chosen: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
  },
  detail: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    paddingLeft: tokens.spacingHorizontalM,
  },
  needs: {
    display: "block",
    color: tokens.colorPaletteRedForeground1,
    paddingLeft: tokens.spacingHorizontalM,
  },
  item: { paddingLeft: tokens.spacingHorizontalM },
  where: { display: "block", color: tokens.colorNeutralForeground2 },
});

const SEVERITY_OPTIONS: readonly { value: FindingFilter["severity"]; label: string }[] = [
  { value: "all", label: "Errors and warnings" },
  { value: "error", label: "Errors" },
  { value: "warning", label: "Warnings" },
];

const STATUS_OPTIONS: readonly { value: FindingFilter["status"]; label: string }[] = [
  { value: "all", label: "All rows" },
  { value: "failing", label: "Failing their declared status" },
  ...ACHIEVED_ORDER.map((s: AchievedStatus) => ({ value: s, label: `Data supports ${s}` })),
];

const GROUP_OPTIONS: readonly { value: GroupBy; label: string }[] = [
  { value: "cause", label: "Cause" },
  { value: "row", label: "Row" },
];

/** The option a select reported, as its typed value; the first when it is none of them. */
function chosen<T extends string>(options: readonly { value: T }[], value: string): T {
  const hit = options.find((o) => o.value === value) ?? options[0];
  if (hit === undefined) throw new RangeError("a select without options");
  return hit.value;
}

const n = (x: number) => x.toLocaleString("en-US");
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function lineKey(line: FindingLine): string {
  return line.kind === "group" ? `g:${line.group.key}` : `i:${line.item.key}`;
}

/**
 * The findings, by cause or by row, with a search box and filters. The list is one tab stop: the
 * arrow keys, Home and End move within it, Enter opens a group or goes to a finding's cell. The
 * chosen finding is marked, and Previous and Next step through the findings from it.
 */
export function FindingsList(props: {
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  tables: readonly TableName[];
  columns: readonly string[];
  total: number;
  items: readonly FindingItem[];
  lines: readonly FindingLine[];
  more: number;
  onShowMore: () => void;
  onToggle: (groupKey: string) => void;
  selected: FindingItem | null;
  onChoose: (item: FindingItem) => void;
  previous: FindingItem | null;
  next: FindingItem | null;
}) {
  const styles = useStyles();
  const { filter, items, lines, selected } = props;
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const activeFilters = [
    filter.severity !== "all",
    filter.table !== "all",
    filter.column !== "all",
    filter.status !== "all",
  ].filter(Boolean).length;
  const listRef = useRef<HTMLUListElement>(null);
  const keys = lines.map(lineKey);
  const current =
    focusKey !== null && keys.includes(focusKey)
      ? focusKey
      : selected !== null && keys.includes(`i:${selected.key}`)
        ? `i:${selected.key}`
        : (keys[0] ?? null);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const at = current === null ? -1 : keys.indexOf(current);
    const to =
      e.key === "ArrowDown"
        ? Math.min(keys.length - 1, at + 1)
        : e.key === "ArrowUp"
          ? Math.max(0, at - 1)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? keys.length - 1
              : null;
    if (to === null || to < 0) return;
    e.preventDefault();
    const key = keys[to] ?? null;
    setFocusKey(key);
    const all = listRef.current?.querySelectorAll<HTMLElement>("[data-line]") ?? [];
    for (const el of all) if (el.dataset.line === key) el.focus();
  };

  // A row's line pointing to a finding said elsewhere (a missing column) is not one more finding.
  const own = items.filter((i) => i.refersTo === undefined);
  const position = selected === null ? -1 : own.indexOf(selected);
  const step = (item: FindingItem | null) => {
    if (item === null) return;
    setFocusKey(`i:${item.key}`);
    props.onChoose(item);
  };

  return (
    <PanelSection id="findings" title="Findings">
      <div className={styles.controls}>
        <Field label="Search findings" className={mergeClasses(styles.grow, styles.field)}>
          <SearchBox
            value={filter.search}
            onChange={(_, d) => props.onFilter({ ...filter, search: d.value })}
            className={styles.search}
          />
        </Field>
        <Field label="Group by" className={styles.field}>
          <Select
            className={styles.select}
            value={filter.groupBy}
            onChange={(_, d) =>
              props.onFilter({ ...filter, groupBy: chosen(GROUP_OPTIONS, d.value) })
            }
          >
            {GROUP_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button aria-expanded={showFilters} onClick={() => setShowFilters((x) => !x)}>
          {activeFilters === 0 ? "Filters" : `Filters (${String(activeFilters)} on)`}
        </Button>
      </div>
      {showFilters && (
        <div className={styles.controls} role="group" aria-label="Filters">
          <Field label="Severity" className={styles.field}>
            <Select
              className={styles.select}
              value={filter.severity}
              onChange={(_, d) =>
                props.onFilter({ ...filter, severity: chosen(SEVERITY_OPTIONS, d.value) })
              }
            >
              {SEVERITY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Table" className={styles.field}>
            <Select
              className={styles.select}
              value={filter.table}
              onChange={(_, d) => {
                const table = props.tables.find((t) => t === d.value) ?? "all";
                props.onFilter({ ...filter, table });
              }}
            >
              <option value="all">All tables</option>
              {props.tables.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Column" className={styles.field}>
            <Select
              className={styles.select}
              value={filter.column}
              onChange={(_, d) => props.onFilter({ ...filter, column: d.value })}
            >
              <option value="all">All columns</option>
              {props.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Status" className={styles.field}>
            <Select
              className={styles.select}
              value={filter.status}
              onChange={(_, d) =>
                props.onFilter({ ...filter, status: chosen(STATUS_OPTIONS, d.value) })
              }
            >
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <div className={styles.nav}>
        <Button
          size="small"
          disabled={props.previous === null}
          onClick={() => step(props.previous)}
        >
          Previous
        </Button>
        <Button size="small" disabled={props.next === null} onClick={() => step(props.next)}>
          Next
        </Button>
        <Text role="status" size={200}>
          {items.length === 0
            ? props.total === 0
              ? "No findings."
              : "No findings match."
            : position === -1
              ? `${count(own.length, "finding")}${own.length === props.total ? "" : ` of ${n(props.total)}`}`
              : `Finding ${n(position + 1)} of ${n(own.length)}`}
        </Text>
      </div>
      <ul className={styles.list} aria-label="Findings" ref={listRef} onKeyDown={onKeyDown}>
        {lines.map((line) => {
          const key = lineKey(line);
          const tabIndex = key === current ? 0 : -1;
          if (line.kind === "group") {
            const g = line.group;
            return (
              <li key={key} className={styles.groupLine}>
                <Button
                  appearance="subtle"
                  data-line={key}
                  tabIndex={tabIndex}
                  aria-expanded={line.expanded}
                  onFocus={() => setFocusKey(key)}
                  onClick={() => props.onToggle(g.key)}
                  className={mergeClasses(styles.lineButton, styles.groupButton)}
                >
                  <span>
                    <span aria-hidden>{line.expanded ? "▾ " : "▸ "}</span>
                    {g.title}{" "}
                    <Badge
                      appearance="tint"
                      size="small"
                      color={g.errors > 0 ? "danger" : "warning"}
                    >
                      {g.errors > 0 ? count(g.errors, "error") : count(g.warnings, "warning")}
                    </Badge>
                    {g.errors > 0 && g.warnings > 0 && (
                      <>
                        {" "}
                        <Badge appearance="tint" size="small" color="warning">
                          {count(g.warnings, "warning")}
                        </Badge>
                      </>
                    )}
                  </span>
                </Button>
                {line.expanded && g.detail !== null && (
                  <Text size={200} className={styles.detail}>
                    {g.detail}
                  </Text>
                )}
                {g.needs !== null && (
                  <Text size={200} className={styles.needs}>
                    {needsText(g.needs)}
                  </Text>
                )}
              </li>
            );
          }
          const { item } = line;
          const isChosen = selected?.key === item.key;
          return (
            <li key={key} className={styles.item}>
              <Button
                appearance="subtle"
                data-line={key}
                tabIndex={tabIndex}
                aria-current={isChosen ? "true" : undefined}
                onFocus={() => setFocusKey(key)}
                onClick={() => props.onChoose(item)}
                className={mergeClasses(styles.lineButton, isChosen && styles.chosen)}
              >
                <span>
                  <Badge
                    appearance="tint"
                    size="small"
                    color={item.severity === "error" ? "danger" : "warning"}
                  >
                    {item.severity === "error" ? "Error" : "Warning"}
                  </Badge>{" "}
                  {item.column}: {item.message}
                  {filter.groupBy === "cause" && (
                    <Text size={200} className={styles.where}>
                      {item.where}
                    </Text>
                  )}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {props.more > 0 && (
        <Button onClick={props.onShowMore}>Show more ({n(props.more)} lines left)</Button>
      )}
    </PanelSection>
  );
}
