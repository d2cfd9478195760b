import type { CellValue } from "./model/cell";
import type { DateSystem, DayNumber } from "./dates";
import {
  DELIVERY_METHODS,
  FEES,
  MOC_BOARDS,
  OUTCOME_NAMES,
  PROVIDERSHIPS,
  REGISTRATIONS,
  STATUSES,
  SUPPORT_TYPES,
  US_STATES,
} from "./codes/vocabularies";
import { FORMAT_KEYS, formatName } from "./formats";
import { BOARD_RULES } from "./learners/boards";
import { LEARNER_ACTIONS, readBirthDate, readNpi } from "./learners/readers";
import {
  readAmount,
  readCode,
  readCodeList,
  readCount,
  readCountry,
  readCredits,
  readDate,
  readDescription,
  readFormat,
  readList,
  readNumber,
  readOutcomes,
  readText,
  readUrl,
  readYesNo,
  type Field,
} from "./parse/cells";

/**
 * Reads one cell into the value its column holds. A blank cell (null) reads as EMPTY, as every
 * reader's first test says; the table reader relies on it and does not call a reader for one.
 */
export type Reader<T> = (cell: CellValue, system: DateSystem) => Field<T>;

/** A column whose values come from a closed list, for the dropdowns a new workbook offers. */
export type CodedColumn = {
  /** The list's name; columns offering the same values share it ("Yes/No"). */
  readonly list: string;
  readonly values: readonly string[];
  /** True when a cell may hold several values separated by semicolons. */
  readonly several: boolean;
};

/** One column as declared: its canonical header, other headers it goes by, reader, coded values. */
export type ColumnDeclaration<T> = {
  readonly header: string;
  readonly aliases: readonly string[];
  readonly read: Reader<T>;
  /** The closed list a dropdown offers; null for free text, dates and numbers. */
  readonly coded: CodedColumn | null;
};

/** One column of a PARS table: its key (the record's field name) and its declaration. */
export type ColumnSpec<K extends string = string> = ColumnDeclaration<unknown> & {
  readonly key: K;
};

/** A table's columns by key, in the order a new workbook lays them out. */
type Columns = Readonly<Record<string, ColumnDeclaration<unknown>>>;

/** The value type each column of a declaration holds once read. */
export type ValuesOf<C extends Columns> = {
  [K in keyof C]: C[K] extends ColumnDeclaration<infer T> ? T : never;
};

/** One row of a table, read: its sheet row number and each known column as a field. */
export type RowOf<V> = { readonly row: number } & { readonly [K in keyof V]: Field<V[K]> };

/** A table of the workbook: the names it is found by, its columns, and how a record is built. */
export type TableSpec<
  K extends string = string,
  V = unknown,
  N extends string = TableName,
  I extends string = string,
> = {
  readonly table: N;
  /** The table's name in `WorkbookRecords` ("activities"). */
  readonly id: I;
  /** Excel table names and sheet names it goes by (compared without case or spacing). */
  readonly names: readonly string[];
  readonly columns: readonly ColumnSpec<K>[];
  /** The columns a finding names to say what the table's header row should hold. */
  readonly expected: readonly K[];
  /** A record from the fields read in `columns` order. */
  readonly build: (row: number, fields: readonly Field<unknown>[]) => RowOf<V>;
};

/** The declaration `defineTable` takes. */
export type TableDeclaration<N extends string, I extends string, C extends Columns> = {
  readonly table: N;
  readonly id: I;
  readonly names: readonly string[];
  readonly columns: C;
  /** Defaults to the first three columns. */
  readonly expected?: readonly (keyof C & string)[];
};

/**
 * A table from its one declaration: the column list, the value types (`ValuesOf`) and the record
 * builder all come from `columns`, so a column's place in the list can never mislabel a field.
 */
export function defineTable<
  const N extends string,
  const I extends string,
  const C extends Columns,
>(declaration: TableDeclaration<N, I, C>): TableSpec<keyof C & string, ValuesOf<C>, N, I> {
  type K = keyof C & string;
  const keys = Object.keys(declaration.columns) as K[];
  const columns = keys.map((key) => ({ key, ...declaration.columns[key] }) as ColumnSpec<K>);
  return {
    table: declaration.table,
    id: declaration.id,
    names: declaration.names,
    columns,
    expected: declaration.expected ?? keys.slice(0, 3),
    build: recordBuilder<RowOf<ValuesOf<C>>>(keys),
  };
}

/** A record builder whose fields come in `keys` order, one in each record. */
export type Builder<R> = (row: number, fields: readonly Field<unknown>[]) => R;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Builds records with the fields named by `keys`. Where the host allows it, the builder is one
 * object literal compiled from the keys (as Zod v4 compiles object shapes): a 100,000-row table
 * is then built about ten times faster than by adding fields one by one, and every record has one
 * shape, which the rules read fast. A host whose content security policy forbids compiling code
 * gets the same records built field by field (as does `compile` false, for tests).
 */
export function recordBuilder<R>(keys: readonly string[], compile = true): Builder<R> {
  const slow: Builder<R> = (row, fields) => {
    const record: Record<string, unknown> = { row };
    for (let i = 0; i < keys.length; i++) record[keys[i] as string] = fields[i];
    return record as R;
  };
  if (!compile || !keys.every((k) => IDENTIFIER.test(k) && k !== "row")) return slow;
  const literal = keys.map((k, i) => `${k}: f[${String(i)}]`).join(", ");
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are checked identifiers from the declarations
    return new Function("row", "f", `return { row, ${literal} };`) as Builder<R>;
  } catch (e) {
    if (e instanceof EvalError) return slow; // a content security policy without 'unsafe-eval'
    throw e;
  }
}

const column = <T>(
  header: string,
  read: Reader<T>,
  aliases: readonly string[] = [],
  coded: CodedColumn | null = null
): ColumnDeclaration<T> => ({ header, aliases, read, coded });

const codedList = (list: string, values: readonly string[], several = false): CodedColumn => ({
  list,
  values,
  several,
});

/** The list of every Yes/No column. */
export const YES_NO = codedList("Yes/No", ["Yes", "No"]);
const FEE = codedList("Fee", FEES.values);
const REGISTRATION = codedList("Registration", REGISTRATIONS.values);

const text: Reader<string> = (c) => readText(c);
/** The reader of every date column (the birth month and day has its own). */
export const date: Reader<DayNumber> = (c, s) => readDate(c, s);
const count: Reader<number> = (c) => readCount(c);
const credits: Reader<number> = (c) => readCredits(c);
const yesNo: Reader<boolean> = (c) => readYesNo(c);
const list: Reader<readonly string[]> = (c) => readList(c);
const url: Reader<string> = (c) => readUrl(c);
const number: Reader<number> = (c) => readNumber(c);

/**
 * The start date a Support or MOC row names its activity by, where one Internal ID is used for
 * several activities (docs/DOMAIN.md §2). Optional: blank when the ID has one activity.
 */
const LINKED_START = column("Start Date", date, ["Activity Start Date", "Activity Date"]);

/** The Internal ID column a linked table (Support, MOC, Sessions) joins its activity by. */
const LINKED_ID = column("Internal ID", text, [
  "Provider Activity ID",
  "Activity Internal ID",
  "Activity ID",
]);

/**
 * Activities, one row per activity (docs/DOMAIN.md §4). Aliases include the legacy PARS template
 * labels ("Activity Title", "# of Physicians", "Commercial Support Received?"...).
 */
export const ACTIVITIES = defineTable({
  table: "Activities",
  id: "activities",
  names: [
    "Activities",
    "Activity",
    "tblActivities",
    "Activities Table",
    "PARS Activities",
    "Activity List",
  ],
  expected: ["title", "format", "startDate", "status"],
  columns: {
    internalId: column("Internal ID", text, [
      "Provider Activity ID",
      "Internal Activity ID",
      "Activity Internal ID",
      "Internal Identifier",
    ]),
    accmeId: column("ACCME Activity ID", text, [
      "ACCME ID",
      "PARS ID",
      "PARS Activity ID",
      "ACCME Activity Number",
    ]),
    title: column("Title", text, ["Activity Title", "Activity Name", "Name of Activity"]),
    format: column(
      "Format",
      (c) => readFormat(c),
      ["Activity Format", "Activity Type", "Type"],
      codedList("Format", FORMAT_KEYS.map(formatName))
    ),
    startDate: column("Start Date", date, [
      "Start",
      "Activity Date",
      "Activity Start",
      "Activity Start Date",
      "Begin Date",
      "Date Start",
    ]),
    endDate: column("End Date", date, ["End", "Activity End", "Activity End Date", "Date End"]),
    status: column(
      "Status",
      (c) => readCode(c, STATUSES),
      ["Activity Status", "PARS Status"],
      codedList("Status", STATUSES.values)
    ),
    deliveryMethod: column(
      "Delivery Method",
      (c) => readCodeList(c, DELIVERY_METHODS),
      ["Delivery Methods", "Delivery", "Delivery Mode"],
      codedList("Delivery Method", DELIVERY_METHODS.values, true)
    ),
    location: column("Location", text, ["Venue", "Location Name", "Facility"]),
    city: column("City", text),
    // Checked against the US list once the country is known (rules/valueRules.ts).
    state: column(
      "State",
      text,
      ["State/Province", "State or Province", "Province", "ST"],
      codedList("State", US_STATES.values)
    ),
    country: column("Country", (c) => readCountry(c), ["Country Code"]),
    credits: column("Credits", credits, [
      "AMA PRA Category 1 Credits",
      "AMA PRA Category 1 Credits Designated",
      "AMA PRA Category 1",
      "AMA PRA Category 1 Credit",
      "Category 1 Credits",
      "AMA Credits",
      "Credits Designated",
      "CME Credits",
      "Max Credits",
    ]),
    cmePassport: column(
      "CME Passport",
      yesNo,
      [
        "CME Finder",
        "Include in CME Passport",
        "List in CME Passport",
        "Public List",
        "For Public List",
      ],
      YES_NO
    ),
    fee: column(
      "Fee",
      (c) => readCode(c, FEES),
      ["Fee for Participation", "Participation Fee"],
      FEE
    ),
    registration: column(
      "Registration",
      (c) => readCode(c, REGISTRATIONS),
      ["Activity Registration", "Registration Type"],
      REGISTRATION
    ),
    url: column("Activity URL", url, ["URL", "Activity Link", "Website", "Web Address"]),
    description: column("Description", (c) => readDescription(c), [
      "Activity Description",
      "Description of Content",
      "Content Description",
    ]),
    providership: column(
      "Providership",
      (c) => readCode(c, PROVIDERSHIPS),
      ["Sponsorship", "Direct/Joint", "Direct or Joint", "Providership Type"],
      codedList("Providership", PROVIDERSHIPS.values)
    ),
    jointProviders: column("Joint Providers", list, [
      "Joint Provider",
      "Joint Provider(s)",
      "Joint Provider Names",
      "Joint Sponsors",
    ]),
    outcomes: column(
      "Outcome Measures",
      (c) => readOutcomes(c),
      ["Outcome Measure", "Outcomes", "Measured Outcomes"],
      codedList("Outcome Measure", OUTCOME_NAMES.values, true)
    ),
    commercialSupport: column(
      "Commercial Support",
      yesNo,
      [
        "Commercial Support Received?",
        "Commercial Support Received",
        "Commercial Support?",
        "Received Commercial Support",
      ],
      YES_NO
    ),
    physicianLearners: column("Physician Learners", count, [
      "# of Physicians",
      "Number of Physicians",
      "Physicians",
      "Total Physician Learners",
      "Physician Learner Count",
      "Physician Participants",
    ]),
    otherLearners: column("Other Learners", count, [
      "# of Other Learners",
      "Number of Other Learners",
      "Other Learner Count",
      "Total Other Learners",
      "Other Participants",
      "Non-Physician Learners",
    ]),
    moc: column(
      "MOC",
      yesNo,
      ["MOC/CC", "Registered for MOC", "MOC Registered", "MOC?", "MOC Credit"],
      YES_NO
    ),
    mocAttestation: column(
      "MOC Attestation",
      yesNo,
      ["Attestation", "MOC Attestation Complete", "MOC Attested"],
      YES_NO
    ),
    notes: column("Notes", text, ["Comments", "Note"]),
  },
});

/** Support, one row per commercial supporter of an activity (FAQ, commercial support fields). */
export const SUPPORT = defineTable({
  table: "Support",
  id: "support",
  names: ["Support", "Commercial Support", "Supporters", "tblSupport", "Support Sources"],
  expected: ["internalId", "source", "supportType"],
  columns: {
    internalId: LINKED_ID,
    startDate: LINKED_START,
    source: column("Source", text, [
      "Support Source",
      "Supporter",
      "Commercial Supporter",
      "Company",
    ]),
    supportType: column(
      "Support Type",
      (c) => readCode(c, SUPPORT_TYPES),
      ["Type", "Monetary/In-kind", "Monetary or In-kind", "Kind of Support"],
      codedList("Support Type", SUPPORT_TYPES.values)
    ),
    amount: column("Amount", (c) => readAmount(c), [
      "Monetary Amount",
      "Support Amount",
      "Monetary Support Received",
      "Amount (USD)",
    ]),
    // Optional: the year's Program Summary counts support in the year it was received (PARS FAQ,
    // enduring material: "report the amount of support received in the year in which it was
    // received").
    dateReceived: column("Date Received", date, [
      "Received",
      "Received Date",
      "Date Paid",
      "Payment Date",
      "Support Received Date",
    ]),
  },
});

/** MOC, one row per board an activity is registered with (FAQ, Closed: MOC fields per board). */
export const MOC = defineTable({
  table: "MOC",
  id: "moc",
  names: ["MOC", "MOC Registrations", "MOC Boards", "tblMOC", "MOC/CC"],
  expected: ["internalId", "board", "practiceAreas"],
  columns: {
    internalId: LINKED_ID,
    startDate: LINKED_START,
    board: column(
      "Board",
      (c) => readCode(c, MOC_BOARDS),
      ["MOC Board", "Certifying Board"],
      codedList("Board", MOC_BOARDS.values)
    ),
    practiceAreas: column("Practice Areas", list, [
      "Practice Area",
      "MOC Practice Areas",
      "Specialties",
    ]),
    creditTypes: column("Credit Types", list, [
      "Credit Type",
      "MOC Credit Types",
      "MOC Credit Type",
    ]),
    mocCredits: column("MOC Credits", credits, ["MOC Points", "MOC Credit Amount", "Points"]),
    contentArea: column("Content Area", text, ["Content Outline", "MOC Content Area"]),
    fee: column("Fee", (c) => readCode(c, FEES), ["MOC Fee"], FEE),
    registration: column(
      "Registration",
      (c) => readCode(c, REGISTRATIONS),
      ["MOC Registration"],
      REGISTRATION
    ),
    url: column("Activity URL", url, ["URL", "MOC URL"]),
    claimDate: column("Claim Date", date, [
      "MOC Credit Claim Date",
      "Credit Claim Date",
      "MOC Claim Date",
    ]),
  },
});

/** Sessions, one row per session of a series or course (docs/DOMAIN.md §4). */
export const SESSIONS = defineTable({
  table: "Sessions",
  id: "sessions",
  names: ["Sessions", "Session", "tblSessions", "Series Sessions", "Session Log"],
  columns: {
    internalId: LINKED_ID,
    sessionDate: column("Session Date", date, ["Date", "Session Day"]),
    hours: column("Hours", number, ["Session Hours", "Duration (hours)", "Duration"]),
    physicianLearners: column("Physician Learners", count, [
      "# of Physicians",
      "Physicians",
      "Number of Physicians",
    ]),
    otherLearners: column("Other Learners", count, [
      "# of Other Learners",
      "Other Participants",
      "Number of Other Learners",
    ]),
    topic: column("Topic", text, ["Session Title", "Title", "Subject"]),
  },
});

/** Every MOC credit type a board is known to take, for the dropdown (the check is per board). */
const MOC_CREDIT_TYPES = [
  ...new Set(
    Object.values(BOARD_RULES).flatMap((b) => (b.creditTypes.value ?? []).map((t) => t.name))
  ),
];

/**
 * Learners, one row per learner completion of an activity (LEARNERS.md §2, the fields
 * ACCME documents). ACCME's Excel learner template's own columns are not public: these are PARS
 * Ready's, and the learner upload layout will be a table of its own when they are known. The birth
 * date is read as month and day only: a year in the cell is dropped on reading.
 */
export const LEARNERS = defineTable({
  table: "Learners",
  id: "learners",
  names: [
    "Learners",
    "Learner Completions",
    "Completions",
    "Learner Data",
    "Participants",
    "tblLearners",
  ],
  expected: ["firstName", "lastName", "completionDate"],
  columns: {
    internalId: LINKED_ID,
    startDate: column("Start Date", date, ["Activity Start Date", "Activity Date"]),
    accmeId: column("ACCME Activity ID", text, [
      "ACCME ID",
      "PARS ID",
      "PARS Activity ID",
      "ACCME Activity Number",
    ]),
    firstName: column("First Name", text, ["Given Name", "First", "Learner First Name"]),
    lastName: column("Last Name", text, ["Family Name", "Surname", "Last", "Learner Last Name"]),
    birthDate: column("Birth Date", (c, s) => readBirthDate(c, s), [
      "Birth Month/Day",
      "Birth Month and Day",
      "Date of Birth",
      "DOB",
      "Birthday",
      "Birth Date (MM/DD)",
    ]),
    npi: column("NPI", (c) => readNpi(c), ["NPI Number", "National Provider Identifier"]),
    licenseState: column(
      "License State",
      (c) => readCode(c, US_STATES),
      ["Licence State", "State of Licensure", "Licensing State", "License Jurisdiction"],
      codedList("State", US_STATES.values)
    ),
    licenseNumber: column("License Number", text, [
      "Licence Number",
      "License #",
      "License No",
      "License ID",
      "State License Number",
    ]),
    board: column(
      "Board",
      (c) => readCode(c, MOC_BOARDS),
      ["MOC Board", "Certifying Board"],
      codedList("Board", MOC_BOARDS.values)
    ),
    boardId: column("Board ID", text, [
      "Diplomate ID",
      "Diplomate Number",
      "Certifying Board ID",
      "Board ID Number",
      "MOC ID",
    ]),
    completionDate: column("Completion Date", date, [
      "Date Completed",
      "Completed",
      "Completion",
      "Date of Completion",
      "Credit Date",
    ]),
    cmeCredits: column("CME Credits", credits, [
      "Credits",
      "Credits Earned",
      "Credits Claimed",
      "AMA PRA Category 1 Credits",
      "CME Credit",
    ]),
    mocCreditType: column(
      "MOC Credit Type",
      text,
      ["MOC Type", "Credit Type", "MOC Credit Types"],
      codedList("MOC Credit Type", MOC_CREDIT_TYPES)
    ),
    mocPoints: column("MOC Points", credits, ["MOC Credits", "Points", "MOC Points Earned"]),
    action: column(
      "Action",
      (c) => readCode(c, LEARNER_ACTIONS),
      ["Record Action", "Add/Delete", "Learner Record Action"],
      codedList("Action", LEARNER_ACTIONS.values)
    ),
    notes: column("Notes", text, ["Comments", "Note"]),
  },
});

/**
 * Learner Counts, one row per cumulative count of an enduring material: its learners from the
 * start through a day (December 31 of each year it is active), so a material spanning years keeps
 * one count per year. Optional; a row names its activity by Internal ID, and by Start Date when
 * the ID is used for more than one activity.
 * Source: PARS FAQ, enduring material: "update those learner counts to indicate the cumulative
 * number of learners through 12/31" of each year, by the annual deadline.
 */
export const LEARNER_COUNTS = defineTable({
  table: "Learner Counts",
  id: "learnerCounts",
  names: [
    "Learner Counts",
    "LearnerCounts",
    "tblLearnerCounts",
    "Cumulative Learners",
    "Cumulative Learner Counts",
    "Enduring Learner Counts",
  ],
  columns: {
    internalId: LINKED_ID,
    startDate: column("Start Date", date, ["Activity Start Date", "Activity Date"]),
    through: column("Through", date, ["Through Date", "Count Through", "As Of", "Counted Through"]),
    physicianLearners: column("Physician Learners", count, [
      "# of Physicians",
      "Physicians",
      "Cumulative Physician Learners",
    ]),
    otherLearners: column("Other Learners", count, [
      "# of Other Learners",
      "Other Participants",
      "Cumulative Other Learners",
    ]),
  },
  expected: ["internalId", "through", "physicianLearners"],
});

/**
 * Every table, Activities first: the order tables are read, reported and sorted in. A new table is
 * one `defineTable` here plus its rules (ARCHITECTURE.md).
 */
export const TABLE_SPECS = [ACTIVITIES, SUPPORT, MOC, SESSIONS, LEARNER_COUNTS, LEARNERS] as const;

/** The headers of every column read as a date: a new table shows them as MM/DD/YYYY, like PARS. */
export const DATE_HEADERS: ReadonlySet<string> = new Set(
  TABLE_SPECS.flatMap((spec) =>
    (spec.columns as readonly ColumnSpec[]).filter((c) => c.read === date).map((c) => c.header)
  )
);

/**
 * Headers a new table formats as text: a birth month and day typed as 07/04 would otherwise become
 * July 4 of the current year, and identifiers keep their leading zeros.
 */
export const TEXT_HEADERS: ReadonlySet<string> = new Set([
  "Birth Date",
  "NPI",
  "Board ID",
  "License Number",
]);

/** The tables of a PARS workbook, by name. */
export type TableName = (typeof TABLE_SPECS)[number]["table"];

/** Any one of the tables. */
export type AnyTableSpec = (typeof TABLE_SPECS)[number];

/** The declaration of the table named `table`. */
export function specOf<N extends TableName>(table: N): Extract<AnyTableSpec, { table: N }> {
  return TABLE_SPECS.find((s) => s.table === table) as Extract<AnyTableSpec, { table: N }>;
}

/** The column keys of a table. */
export type KeyOf<S> = S extends TableSpec<infer K, unknown> ? K : never;
/** The value types of a table's columns. */
export type ValuesOfTable<S> = S extends TableSpec<string, infer V> ? V : never;

export type ActivityKey = KeyOf<typeof ACTIVITIES>;
export type SupportKey = KeyOf<typeof SUPPORT>;
export type MocKey = KeyOf<typeof MOC>;
export type SessionKey = KeyOf<typeof SESSIONS>;
export type LearnerCountKey = KeyOf<typeof LEARNER_COUNTS>;
export type LearnerKey = KeyOf<typeof LEARNERS>;

/** The value type each Activities column holds once read. */
export type ActivityValues = ValuesOfTable<typeof ACTIVITIES>;
export type SupportValues = ValuesOfTable<typeof SUPPORT>;
export type MocValues = ValuesOfTable<typeof MOC>;
export type SessionValues = ValuesOfTable<typeof SESSIONS>;
export type LearnerCountValues = ValuesOfTable<typeof LEARNER_COUNTS>;
export type LearnerValues = ValuesOfTable<typeof LEARNERS>;

export type ActivityRecord = RowOf<ActivityValues>;
export type SupportRecord = RowOf<SupportValues>;
export type MocRecord = RowOf<MocValues>;
export type SessionRecord = RowOf<SessionValues>;
export type LearnerCountRecord = RowOf<LearnerCountValues>;

/**
 * The Excel table name a new workbook gives a table: its name without spaces, since Excel table
 * names cannot hold one ("LearnerCounts", which the table is also found by).
 */
export function excelTableNameOf(table: TableName): string {
  return table.replace(/\s+/g, "");
}
export type LearnerRecord = RowOf<LearnerValues>;
