import { Badge, Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { ACHIEVED_ORDER, type AchievedStatus } from "../../core";
import type { CellPlace } from "../../excel/WorkbookGateway";
import type { FindingFilter, FindingGroup } from "../viewModels/findingGroups";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    rowGap: tokens.spacingVerticalM,
  },
  group: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  statuses: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  items: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
  },
});

const SEVERITY_OPTIONS: readonly { value: FindingFilter["severity"]; label: string }[] = [
  { value: "all", label: "Errors and warnings" },
  { value: "error", label: "Errors" },
  { value: "warning", label: "Warnings" },
];

const STATUS_OPTIONS: readonly { value: FindingFilter["status"]; label: string }[] = [
  { value: "all", label: "All rows" },
  { value: "failing", label: "Failing their declared status" },
  ...ACHIEVED_ORDER.map((s: AchievedStatus) => ({ value: s, label: `Achieving ${s}` })),
];

/** The option a select reported, as its typed value; the first when it is none of them. */
function chosen<T extends string>(options: readonly { value: T }[], value: string): T {
  const hit = options.find((o) => o.value === value) ?? options[0];
  if (hit === undefined) throw new RangeError("a select without options");
  return hit.value;
}

const rowTitle = (g: FindingGroup): string => {
  if (g.header) return `${g.table} columns (header row ${String(g.row)})`;
  const where =
    g.table === "Activities" ? `Row ${String(g.row)}` : `${g.table} row ${String(g.row)}`;
  const sheet = g.sheet === g.table ? "" : ` on ${g.sheet}`;
  return `${where}${sheet}${g.label === null ? "" : ` · ${g.label}`}`;
};

/** The findings by row, filterable by severity and status; choosing one goes to its cell. */
export function FindingsList(props: {
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  groups: readonly FindingGroup[];
  shown: readonly FindingGroup[];
  onShowMore: () => void;
  onSelect: (place: CellPlace) => void;
}) {
  const styles = useStyles();
  const { filter, groups, shown } = props;
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.heading}>
        Findings
      </h2>
      <div className={styles.filters}>
        <Field label="Severity">
          <Select
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
        <Field label="Status">
          <Select
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
      <Text role="status" size={200}>
        {groups.length === 0
          ? "No findings match."
          : `${groups.length.toLocaleString("en-US")} ${groups.length === 1 ? "row" : "rows"} with findings`}
      </Text>
      <ul className={styles.list} aria-labelledby="findings-heading">
        {shown.map((g) => (
          <li key={g.key} className={styles.group}>
            <h3 className={styles.groupHeading}>{rowTitle(g)}</h3>
            {g.achieved !== null && (
              <div className={styles.statuses}>
                <Text size={200}>
                  Declared: {g.declared ?? `none (held to ${g.heldTo ?? "Active"})`}
                </Text>
                <Text size={200}>Achieved: {g.achieved}</Text>
                {g.passes === false && (
                  <Badge appearance="tint" color="danger" size="small">
                    Fails its status
                  </Badge>
                )}
              </div>
            )}
            <ul className={styles.items}>
              {g.items.map((item) => (
                <li key={item.key}>
                  <Button
                    appearance="subtle"
                    className={styles.item}
                    onClick={() => props.onSelect(item.place)}
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
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {shown.length < groups.length && (
        <Button onClick={props.onShowMore}>
          Show more ({(groups.length - shown.length).toLocaleString("en-US")} rows left)
        </Button>
      )}
    </section>
  );
}
