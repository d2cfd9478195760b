// Generated workbooks for benchmarks: realistic activities with Support, MOC and Sessions rows, and
// about one row in ten faulty (a missing field, a bad date, text in a count, an unknown format).
import {
  ACTIVITIES,
  MOC,
  SESSIONS,
  SUPPORT,
  type CellValue,
  type WorkbookSource,
} from "../src/core";

const FORMATS = ["RSS", "Live Course", "Enduring Material", "JN", "MR", "PI", "CML"];
const FAULTS: readonly ((row: Record<string, CellValue>) => void)[] = [
  (r) => (r.Description = ""),
  (r) => (r["Start Date"] = "02/30/2025"),
  (r) => (r["Physician Learners"] = "weekly"),
  (r) => (r.Format = "Grand Rounds"),
  (r) => (r.Credits = 0.3),
];

/** A deterministic pseudo-random sequence (benchmarks must be repeatable). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Tables of `n` activities, as rows keyed by canonical header. */
export function generateRows(
  n: number
): Record<"Activities" | "Support" | "MOC" | "Sessions", Record<string, CellValue>[]> {
  const rand = lcg(42);
  const activities: Record<string, CellValue>[] = [];
  const support: Record<string, CellValue>[] = [];
  const moc: Record<string, CellValue>[] = [];
  const sessions: Record<string, CellValue>[] = [];
  for (let i = 0; i < n; i++) {
    const id = `ACT-${String(i).padStart(6, "0")}`;
    const format = FORMATS[i % FORMATS.length] as string;
    const start = 45292 + (i % 300); // serials in 2024
    const isRss = format === "RSS";
    const supported = i % 7 === 0;
    const registered = i % 11 === 0;
    const row: Record<string, CellValue> = {
      "Internal ID": id,
      Title: `Activity ${i}`,
      Format: format,
      "Start Date": start,
      "End Date": start + (format === "Live Course" ? 1 : 300),
      Status: "Closed",
      "Delivery Method": "In-Person",
      City: "Chicago",
      State: "IL",
      Country: "USA",
      Credits: isRss ? 4 : 1.5,
      "CME Passport": "No",
      Description: "An activity generated for the benchmark.",
      Providership: i % 5 === 0 ? "Joint" : "Direct",
      "Joint Providers": i % 5 === 0 ? "County Medical Society" : "",
      "Outcome Measures": "Learner Knowledge (Objective)",
      "Commercial Support": supported ? "Yes" : "No",
      "Physician Learners": isRss ? 80 : 25,
      "Other Learners": "3",
      MOC: registered ? "Yes" : "No",
      "MOC Attestation": registered ? "Yes" : "",
    };
    if (rand() < 0.1) (FAULTS[Math.floor(rand() * FAULTS.length)] as (r: typeof row) => void)(row);
    activities.push(row);
    if (supported) {
      support.push({
        "Internal ID": id,
        Source: "Acme Devices",
        "Support Type": "Monetary",
        Amount: "5,000",
      });
      support.push({ "Internal ID": id, Source: "Beta Supplies", "Support Type": "In-kind" });
    }
    if (registered) {
      moc.push({
        "Internal ID": id,
        Board: "ABIM",
        "Practice Areas": "Internal Medicine",
        "Credit Types": "Medical Knowledge",
        "MOC Credits": 1.5,
        Fee: "No",
        Registration: "Open to all",
        "Activity URL": "https://cme.example.org/a",
        "Claim Date": start + 300,
      });
    }
    if (isRss) {
      for (let k = 0; k < 4; k++) {
        sessions.push({
          "Internal ID": id,
          "Session Date": start + 7 * k,
          Hours: 1,
          "Physician Learners": 20,
          "Other Learners": k === 0 ? 0 : 1,
        });
      }
    }
  }
  return { Activities: activities, Support: support, MOC: moc, Sessions: sessions };
}

/** The same tables as a core workbook source. */
export function generateBook(n: number): WorkbookSource {
  return bookOf(generateRows(n));
}

/** Generated rows (perhaps changed) as a core workbook source. */
export function bookOf(rows: ReturnType<typeof generateRows>): WorkbookSource {
  const table = (
    name: "Activities" | "Support" | "MOC" | "Sessions",
    headers: readonly string[]
  ) => ({
    name,
    sheet: name,
    top: 1,
    values: [headers as CellValue[], ...rows[name].map((r) => headers.map((h) => r[h] ?? null))],
  });
  const h = (spec: { columns: readonly { header: string }[] }) => spec.columns.map((c) => c.header);
  return {
    tables: [
      table("Activities", h(ACTIVITIES)),
      table("Support", h(SUPPORT)),
      table("MOC", h(MOC)),
      table("Sessions", h(SESSIONS)),
    ],
    sheets: [],
    dateSystem: 1900,
  };
}
