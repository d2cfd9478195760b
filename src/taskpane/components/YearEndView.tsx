import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  checklistSteps,
  COUNTING_RULE,
  HAND_ENTERED_AMOUNTS,
  HOURS_RULE,
  messageOf,
  type AnnualReport,
  type ChecklistStep,
  type HandEnteredAmounts,
  type RowRef,
} from "../../core";
import { useYearEnd, type YearEndDeps } from "../hooks/useYearEnd";
import { shownDay } from "../shownDay";
import { ErrorBar } from "./ErrorBar";
import { Fold } from "./Fold";
import { BarList } from "./BarList";

/**
 * The fills of the year's bars: palette foreground colours, which keep at least 3:1 against the
 * track in both themes (WCAG 1.4.11; `test/taskpane/contrast.test.tsx` computes it), as the
 * status chart's do.
 */
export const YEAR_END_BAR_TOKENS = {
  physician: "colorPaletteBlueForeground2",
  other: "colorPaletteTealForeground2",
  open: "colorPaletteRedForeground1",
} as const satisfies Record<string, keyof Theme>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // Fields and inputs that narrow with the pane instead of keeping their own width.
  picker: { minWidth: 0, maxWidth: "100%" },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    rowGap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  go: { justifyContent: "flex-start", textAlign: "start", minWidth: 0, maxWidth: "100%" },
  lacks: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
  todo: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  physician: { backgroundColor: tokens[YEAR_END_BAR_TOKENS.physician] },
  other: { backgroundColor: tokens[YEAR_END_BAR_TOKENS.other] },
  open: { backgroundColor: tokens[YEAR_END_BAR_TOKENS.open] },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  figureValue: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
  amounts: { display: "grid", rowGap: tokens.spacingVerticalS },
});

const n = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
const money = (x: number) =>
  `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const who = (r: RowRef) =>
  [`Row ${String(r.row)}`, r.internalId, r.title].filter((x) => x !== null).join(" · ");

/**
 * The Year end view: a year picker (the year whose reporting is due by default), the checklist
 * with a button to go to each row, bars by format, the Program Summary figures beside the four
 * amounts entered by hand, and Write summary sheet. Self-contained: it takes its own deps.
 * `available` false (no Excel to read) leaves Build report off; the pane says why elsewhere.
 */
export function YearEndView({
  deps,
  available = true,
}: {
  deps: YearEndDeps;
  available?: boolean;
}) {
  const styles = useStyles();
  const y = useYearEnd(deps);
  const report = y.state.status === "done" ? y.state.report : null;
  return (
    <section className={styles.root} aria-labelledby="year-end-heading">
      <div className={styles.section}>
        <h2 id="year-end-heading" className={styles.heading}>
          Year end
        </h2>
        <div className={styles.row}>
          <Field label="Reporting year" className={styles.picker}>
            <Select
              className={styles.picker}
              value={String(y.year)}
              onChange={(_, data) => y.setYear(Number(data.value))}
            >
              {y.years.map((year) => (
                <option key={year} value={String(year)}>
                  {String(year)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={!available || y.state.status === "running"}
            onClick={() => void y.build()}
          >
            Build report
          </Button>
        </div>
        {/* Said beside the picker, not in it: at 200% zoom a 320 px pane has room for the year only. */}
        <Text size={200} className={styles.muted}>
          {y.year === y.due ? `${String(y.year)} is the year due next. ` : ""}Judged as of{" "}
          {shownDay(`${String(y.year + 1)}-01-01`)}; due in PARS by{" "}
          {shownDay(`${String(y.year + 1)}-03-31`)}.
        </Text>
        {y.state.status === "running" && <Spinner size="tiny" label="Reading the workbook…" />}
        {y.state.status === "failed" && <ErrorBar error={y.state.error} />}
        {y.state.status === "no_activities" && (
          <MessageBar intent="warning">
            <MessageBarBody>
              No Activities table found. Name an Excel table or a sheet &quot;Activities&quot;.
            </MessageBarBody>
          </MessageBar>
        )}
        {y.going.status === "failed" && <ErrorBar error={y.going.error} />}
      </div>
      {report !== null && (
        <>
          <Checklist report={report} onGo={(r) => void y.goTo(r)} />
          <FormatBars report={report} />
          <Summary report={report} />
        </>
      )}
      <Amounts
        key={y.year}
        year={y.year}
        saved={y.amounts}
        saving={y.saving.status === "working"}
        savedNow={y.saving.status === "done"}
        onSave={(next) => void y.saveAmounts(next)}
      />
      {y.saving.status === "failed" && <ErrorBar error={y.saving.error} />}
      {report !== null && (
        <div className={styles.section}>
          <div className={styles.row}>
            <Button disabled={y.writing.status === "working"} onClick={() => void y.writeSummary()}>
              Write summary sheet
            </Button>
            <Text role="status" size={200}>
              {y.writing.status === "done"
                ? `Added sheet ${y.writing.value.sheet} with ${String(y.writing.value.tables.length)} tables and a chart.`
                : ""}
            </Text>
          </div>
          <Text size={200} className={styles.muted}>
            Adds a new sheet &quot;PARS Summary {String(y.year)}&quot;; no existing sheet is
            changed.
          </Text>
          {y.writing.status === "failed" && <ErrorBar error={y.writing.error} />}
        </div>
      )}
    </section>
  );
}

function StepState({ step }: { step: ChecklistStep }) {
  const styles = useStyles();
  if (step.key === "continuing") return null;
  return step.open === 0 ? (
    <span className={styles.done}> · done</span>
  ) : (
    <span className={styles.todo}> · {n(step.open)} to do</span>
  );
}

function Checklist({ report, onGo }: { report: AnnualReport; onGo: (r: RowRef) => void }) {
  const styles = useStyles();
  const steps = checklistSteps(report);
  const c = report.checklist;
  const most = Math.max(1, ...steps.map((s) => s.rows));
  const items = (step: ChecklistStep): { ref: RowRef; note: string }[] => {
    switch (step.key) {
      case "toEnter":
        // The rows that still lack something first: those are the work left.
        return [...c.toEnter.filter((t) => !t.ready), ...c.toEnter.filter((t) => t.ready)].map(
          (t) => ({
            ref: t,
            note: t.ready
              ? `${t.action === "update" ? "Update" : "Enter"} in PARS: ready`
              : `Lacks ${t.lacks.join(", ")}`,
          })
        );
      case "toClose":
        return c.toClose.map((t) => ({
          ref: t,
          note: `Ended ${shownDay(t.endDate)}; data supports ${t.achievedStatus}; lacks ${t.lacks.join(", ")}`,
        }));
      case "continuing":
        return c.continuing.map((t) => ({
          ref: t,
          note: `Ends ${shownDay(t.endDate)}${t.inPars ? "" : "; no ACCME Activity ID yet"}`,
        }));
      case "enduringCounts":
        return c.enduringCounts.map((e) => ({
          ref: e,
          note:
            e.count === null
              ? "No count through December 31"
              : `${n(e.count.physicianLearners)} physicians, ${n(e.count.otherLearners)} others${e.problem === "decreased" ? "; fewer than the year before" : ""}`,
        }));
    }
  };
  return (
    <div className={styles.section}>
      <h3 className={styles.subheading}>Checklist</h3>
      <BarList
        name="Checklist counts"
        bars={steps.map((s) => ({
          key: s.key,
          label: s.short,
          count: n(s.rows),
          parts: [
            { share: (s.rows - s.open) / most, className: styles.physician },
            { share: s.open / most, className: styles.open },
          ],
          name: `${s.short}: ${n(s.rows)}, ${n(s.open)} to do`,
        }))}
      />
      {/* Each step folded under its count and what is left to do: open one to work through its
          rows. Several may be open at once. */}
      <div>
        {steps.map((s) => {
          const list = items(s);
          return (
            <Fold
              key={s.key}
              level={4}
              heading={
                <>
                  {s.label}: {n(s.rows)}
                  <StepState step={s} />
                </>
              }
            >
              {list.length === 0 ? (
                <Text size={200} className={styles.muted}>
                  None in {String(report.year)}.
                </Text>
              ) : (
                <ul className={styles.list} aria-label={s.label}>
                  {list.map(({ ref, note }) => (
                    <li key={ref.row} className={styles.item}>
                      <Button
                        appearance="transparent"
                        size="small"
                        className={styles.go}
                        onClick={() => onGo(ref)}
                      >
                        {who(ref)}
                      </Button>
                      <Text size={200} className={styles.lacks}>
                        {note}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </Fold>
          );
        })}
        {report.issues.length > 0 && (
          <Fold level={4} heading={`Year-end findings: ${n(report.issues.length)}`}>
            <ul className={styles.list} aria-label="Year-end findings">
              {report.issues.map((i) => (
                <li key={`${i.table}|${String(i.row)}|${i.code}`}>
                  <Text size={200}>
                    {i.table} row {String(i.row)}, {i.column}: {messageOf(i)}
                  </Text>
                </li>
              ))}
            </ul>
          </Fold>
        )}
      </div>
    </div>
  );
}

function FormatBars({ report }: { report: AnnualReport }) {
  const styles = useStyles();
  const formats = Object.entries(report.byFormat);
  const mostActivities = Math.max(1, ...formats.map(([, f]) => f.activities));
  const mostLearners = Math.max(
    1,
    ...formats.map(([, f]) => f.physicianLearners + f.otherLearners)
  );
  if (formats.length === 0) {
    return <Text className={styles.muted}>No activity counts in {String(report.year)}.</Text>;
  }
  return (
    <div className={styles.section}>
      <h3 className={styles.subheading}>Activities by format</h3>
      <BarList
        name="Activities by format"
        bars={formats.map(([name, f]) => ({
          key: name,
          label: name,
          count: n(f.activities),
          parts: [{ share: f.activities / mostActivities, className: styles.physician }],
          name: `${name}: ${n(f.activities)}`,
        }))}
      />
      <h3 className={styles.subheading}>Learners by format</h3>
      <Text size={200} className={styles.muted}>
        Physicians, then other learners.
      </Text>
      <BarList
        name="Learners by format"
        bars={formats.map(([name, f]) => ({
          key: name,
          label: name,
          count: n(f.physicianLearners + f.otherLearners),
          parts: [
            { share: f.physicianLearners / mostLearners, className: styles.physician },
            { share: f.otherLearners / mostLearners, className: styles.other },
          ],
          name: `${name}: ${n(f.physicianLearners)} physicians, ${n(f.otherLearners)} others`,
        }))}
      />
    </div>
  );
}

function Summary({ report }: { report: AnnualReport }) {
  const styles = useStyles();
  const t = report.totals;
  const cs = report.commercialSupport;
  const figures: [string, string][] = [
    ["Activities", n(t.activities)],
    ["Credits (hours)", n(t.credits)],
    ["Physician learners", n(t.physicianLearners)],
    ["Other learners", n(t.otherLearners)],
    ...Object.entries(report.byProvidership).map(([name, f]): [string, string] => [
      `${name} activities`,
      n(f.activities),
    ]),
    ["Commercial support, monetary", money(cs.monetary)],
    ...Object.entries(cs.bySource).map(([name, amount]): [string, string] => [
      `  from ${name}`,
      money(amount),
    ]),
  ];
  return (
    <div className={styles.section}>
      <h3 className={styles.subheading}>Program Summary {String(report.year)}</h3>
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>
              <Text size={200}>{label}</Text>
            </dt>
            <dd className={styles.figureValue}>
              <Text size={200}>{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      <Text size={200}>
        In-kind support from: {cs.inKindSources.length === 0 ? "none" : cs.inKindSources.join(", ")}
        .
      </Text>
      <Fold level={4} weight="regular" heading="How these are counted">
        <Text size={200} className={styles.muted}>
          {COUNTING_RULE} {HOURS_RULE}
        </Text>
      </Fold>
    </div>
  );
}

type Draft = Readonly<Record<keyof HandEnteredAmounts, string>>;

const draftOf = (a: HandEnteredAmounts): Draft =>
  Object.fromEntries(
    HAND_ENTERED_AMOUNTS.map((x) => [x.key, a[x.key] === null ? "" : String(a[x.key])])
  ) as Draft;

/** A dollar amount typed by hand: "" is none; "1,250.50" and "$1250.5" are 1250.5. */
function amountOf(text: string): number | null | "invalid" {
  const t = text.replace(/[$,\s]/g, "");
  if (t === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return "invalid";
  return Number(t);
}

function Amounts(props: {
  year: number;
  saved: HandEnteredAmounts;
  saving: boolean;
  savedNow: boolean;
  onSave: (next: HandEnteredAmounts) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.saved));
  useEffect(() => setDraft(draftOf(props.saved)), [props.saved]);
  const parsed = HAND_ENTERED_AMOUNTS.map((a) => [a.key, amountOf(draft[a.key])] as const);
  const valid = parsed.every(([, v]) => v !== "invalid");
  const changed = HAND_ENTERED_AMOUNTS.some((a) => draft[a.key] !== draftOf(props.saved)[a.key]);
  const savedCount = HAND_ENTERED_AMOUNTS.filter((a) => props.saved[a.key] !== null).length;
  const state = changed
    ? "not saved yet"
    : savedCount === 0
      ? "none saved"
      : `${String(savedCount)} of ${String(HAND_ENTERED_AMOUNTS.length)} saved`;
  // Folded: typed once a year. The draft lives here, above the fold, so folding keeps it.
  return (
    <Fold
      level={3}
      heading={
        <>
          Entered by hand in PARS, {String(props.year)}
          <span className={styles.muted}> · {state}</span>
        </>
      }
    >
      <Text size={200} className={styles.muted}>
        PARS sums commercial support itself and has not asked for expenses since 2015. Kept in this
        workbook.
      </Text>
      <div className={styles.amounts}>
        {HAND_ENTERED_AMOUNTS.map((a) => {
          const v = amountOf(draft[a.key]);
          return (
            <Field
              key={a.key}
              label={a.label}
              validationState={v === "invalid" ? "error" : "none"}
              validationMessage={v === "invalid" ? "Dollars, e.g. 1250.50" : null}
            >
              <Input
                className={styles.picker}
                inputMode="decimal"
                contentBefore="$"
                value={draft[a.key]}
                onChange={(_, data) => setDraft({ ...draft, [a.key]: data.value })}
              />
            </Field>
          );
        })}
      </div>
      <div className={styles.row}>
        <Button
          disabled={!valid || !changed || props.saving}
          onClick={() =>
            props.onSave(
              Object.fromEntries(
                parsed.map(([k, v]) => [k, v === "invalid" ? null : v])
              ) as HandEnteredAmounts
            )
          }
        >
          Save amounts
        </Button>
        <Text role="status" size={200}>
          {props.savedNow && !changed ? "Saved in this workbook." : ""}
        </Text>
      </div>
    </Fold>
  );
}
