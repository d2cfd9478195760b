import type { TableName } from "./model/issue";

/** One column of a PARS table: its canonical header and the other headers it goes by. */
export type ColumnSpec<K extends string> = {
  readonly key: K;
  readonly header: string;
  readonly aliases: readonly string[];
};

/** A table of the workbook: the names it is found by, and its columns. */
export type TableSpec<K extends string> = {
  readonly table: TableName;
  /** Excel table names and sheet names it goes by (compared without case or spacing). */
  readonly names: readonly string[];
  readonly columns: readonly ColumnSpec<K>[];
};

const col = <K extends string>(key: K, header: string, ...aliases: string[]): ColumnSpec<K> => ({
  key,
  header,
  aliases,
});

export type ActivityKey =
  | "internalId"
  | "accmeId"
  | "title"
  | "format"
  | "startDate"
  | "endDate"
  | "status"
  | "deliveryMethod"
  | "location"
  | "city"
  | "state"
  | "country"
  | "credits"
  | "cmePassport"
  | "fee"
  | "registration"
  | "url"
  | "description"
  | "providership"
  | "jointProviders"
  | "outcomes"
  | "commercialSupport"
  | "physicianLearners"
  | "otherLearners"
  | "moc"
  | "mocAttestation"
  | "notes";

/**
 * Activities, one row per activity (DOMAIN.md §4). Aliases include the legacy PARS template labels
 * ("Activity Title", "# of Physicians", "Commercial Support Received?"...).
 */
export const ACTIVITIES: TableSpec<ActivityKey> = {
  table: "Activities",
  names: [
    "Activities",
    "Activity",
    "tblActivities",
    "Activities Table",
    "PARS Activities",
    "Activity List",
  ],
  columns: [
    col(
      "internalId",
      "Internal ID",
      "Provider Activity ID",
      "Internal Activity ID",
      "Activity Internal ID",
      "Internal Identifier"
    ),
    col(
      "accmeId",
      "ACCME Activity ID",
      "ACCME ID",
      "PARS ID",
      "PARS Activity ID",
      "ACCME Activity Number"
    ),
    col("title", "Title", "Activity Title", "Activity Name", "Name of Activity"),
    col("format", "Format", "Activity Format", "Activity Type", "Type"),
    col(
      "startDate",
      "Start Date",
      "Start",
      "Activity Date",
      "Activity Start",
      "Activity Start Date",
      "Begin Date",
      "Date Start"
    ),
    col("endDate", "End Date", "End", "Activity End", "Activity End Date", "Date End"),
    col("status", "Status", "Activity Status", "PARS Status"),
    col("deliveryMethod", "Delivery Method", "Delivery Methods", "Delivery", "Delivery Mode"),
    col("location", "Location", "Venue", "Location Name", "Facility"),
    col("city", "City"),
    col("state", "State", "State/Province", "State or Province", "Province", "ST"),
    col("country", "Country", "Country Code"),
    col(
      "credits",
      "Credits",
      "AMA PRA Category 1 Credits",
      "AMA PRA Category 1 Credits Designated",
      "AMA PRA Category 1",
      "AMA PRA Category 1 Credit",
      "Category 1 Credits",
      "AMA Credits",
      "Credits Designated",
      "CME Credits",
      "Max Credits"
    ),
    col(
      "cmePassport",
      "CME Passport",
      "CME Finder",
      "Include in CME Passport",
      "List in CME Passport",
      "Public List",
      "For Public List"
    ),
    col("fee", "Fee", "Fee for Participation", "Participation Fee"),
    col("registration", "Registration", "Activity Registration", "Registration Type"),
    col("url", "Activity URL", "URL", "Activity Link", "Website", "Web Address"),
    col(
      "description",
      "Description",
      "Activity Description",
      "Description of Content",
      "Content Description"
    ),
    col(
      "providership",
      "Providership",
      "Sponsorship",
      "Direct/Joint",
      "Direct or Joint",
      "Providership Type"
    ),
    col(
      "jointProviders",
      "Joint Providers",
      "Joint Provider",
      "Joint Provider(s)",
      "Joint Provider Names",
      "Joint Sponsors"
    ),
    col("outcomes", "Outcome Measures", "Outcome Measure", "Outcomes", "Measured Outcomes"),
    col(
      "commercialSupport",
      "Commercial Support",
      "Commercial Support Received?",
      "Commercial Support Received",
      "Commercial Support?",
      "Received Commercial Support"
    ),
    col(
      "physicianLearners",
      "Physician Learners",
      "# of Physicians",
      "Number of Physicians",
      "Physicians",
      "Total Physician Learners",
      "Physician Learner Count",
      "Physician Participants"
    ),
    col(
      "otherLearners",
      "Other Learners",
      "# of Other Learners",
      "Number of Other Learners",
      "Other Learner Count",
      "Total Other Learners",
      "Other Participants",
      "Non-Physician Learners"
    ),
    col("moc", "MOC", "MOC/CC", "Registered for MOC", "MOC Registered", "MOC?", "MOC Credit"),
    col(
      "mocAttestation",
      "MOC Attestation",
      "Attestation",
      "MOC Attestation Complete",
      "MOC Attested"
    ),
    col("notes", "Notes", "Comments", "Note"),
  ],
};

export type SupportKey = "internalId" | "source" | "supportType" | "amount";

/** Support, one row per commercial supporter of an activity (FAQ, commercial support fields). */
export const SUPPORT: TableSpec<SupportKey> = {
  table: "Support",
  names: ["Support", "Commercial Support", "Supporters", "tblSupport", "Support Sources"],
  columns: [
    col("internalId", "Internal ID", "Provider Activity ID", "Activity Internal ID", "Activity ID"),
    col("source", "Source", "Support Source", "Supporter", "Commercial Supporter", "Company"),
    col(
      "supportType",
      "Support Type",
      "Type",
      "Monetary/In-kind",
      "Monetary or In-kind",
      "Kind of Support"
    ),
    col(
      "amount",
      "Amount",
      "Monetary Amount",
      "Support Amount",
      "Monetary Support Received",
      "Amount (USD)"
    ),
  ],
};

export type MocKey =
  | "internalId"
  | "board"
  | "practiceAreas"
  | "creditTypes"
  | "mocCredits"
  | "contentArea"
  | "fee"
  | "registration"
  | "url"
  | "claimDate";

/** MOC, one row per board an activity is registered with (FAQ, Closed: MOC fields per board). */
export const MOC: TableSpec<MocKey> = {
  table: "MOC",
  names: ["MOC", "MOC Registrations", "MOC Boards", "tblMOC", "MOC/CC"],
  columns: [
    col("internalId", "Internal ID", "Provider Activity ID", "Activity Internal ID", "Activity ID"),
    col("board", "Board", "MOC Board", "Certifying Board"),
    col("practiceAreas", "Practice Areas", "Practice Area", "MOC Practice Areas", "Specialties"),
    col("creditTypes", "Credit Types", "Credit Type", "MOC Credit Types", "MOC Credit Type"),
    col("mocCredits", "MOC Credits", "MOC Points", "MOC Credit Amount", "Points"),
    col("contentArea", "Content Area", "Content Outline", "MOC Content Area"),
    col("fee", "Fee", "MOC Fee"),
    col("registration", "Registration", "MOC Registration"),
    col("url", "Activity URL", "URL", "MOC URL"),
    col("claimDate", "Claim Date", "MOC Credit Claim Date", "Credit Claim Date", "MOC Claim Date"),
  ],
};

export type SessionKey =
  "internalId" | "sessionDate" | "hours" | "physicianLearners" | "otherLearners" | "topic";

/** Sessions, one row per session of a series or course (DOMAIN.md §4). */
export const SESSIONS: TableSpec<SessionKey> = {
  table: "Sessions",
  names: ["Sessions", "Session", "tblSessions", "Series Sessions", "Session Log"],
  columns: [
    col("internalId", "Internal ID", "Provider Activity ID", "Activity Internal ID", "Activity ID"),
    col("sessionDate", "Session Date", "Date", "Session Day"),
    col("hours", "Hours", "Session Hours", "Duration (hours)", "Duration"),
    col(
      "physicianLearners",
      "Physician Learners",
      "# of Physicians",
      "Physicians",
      "Number of Physicians"
    ),
    col(
      "otherLearners",
      "Other Learners",
      "# of Other Learners",
      "Other Participants",
      "Number of Other Learners"
    ),
    col("topic", "Topic", "Session Title", "Title", "Subject"),
  ],
};

/** The four tables, Activities first. */
export const TABLE_SPECS = [ACTIVITIES, SUPPORT, MOC, SESSIONS] as const;
