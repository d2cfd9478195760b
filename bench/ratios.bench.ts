// Speed as ratios: each of the product's hot paths over a floor that does less, both sides timed
// in this process, interleaved run by run, so a busy machine slows both alike.
import { performance } from "node:perf_hooks";
import Ajv from "ajv";
import {
  buildExport,
  checkWorkbook,
  locateTables,
  PARS_XML,
  previewExport,
  readRecords,
  type CellValue,
  type IssueBody,
} from "../src/core";
import { status } from "../src/functions/functions";
import { HEADERS, ROW } from "./functions.bench";
import { generateBook } from "./generate";

const N = 100_000;
const RUNS = 5;
const BATCH_ROWS = 20_000;
const TODAY = "2025-11-25";
const STAMP = "2025-11-25T14:05";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Medians of `a` and `b`, run alternately after one warm-up of each, and `a`'s over `b`'s. */
function interleaved(a: () => unknown, b: () => unknown): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    gc();
    let t0 = performance.now();
    a();
    const ta = performance.now() - t0;
    gc();
    t0 = performance.now();
    b();
    const tb = performance.now() - t0;
    if (i === 0) continue;
    as.push(ta);
    bs.push(tb);
  }
  const ma = median(as);
  const mb = median(bs);
  return { a: Math.round(ma), b: Math.round(mb), ratio: Math.round((ma / mb) * 100) / 100 };
}

/** Every cell of every table read once, with its type: what any reader of the rows must do. */
function floorPass(book: ReturnType<typeof generateBook>): number {
  let seen = 0;
  for (const t of book.tables) {
    for (const row of t.values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "string") seen += v.length > 0 ? 1 : 0;
        else if (typeof v === "number") seen += 2;
        else if (v !== null && v !== undefined) seen += 3;
      }
    }
  }
  return seen;
}

const text = { type: "string", minLength: 1, pattern: "\\S" } as const;
const num = { type: "number" } as const;
const date = { type: "number", minimum: 1 } as const;
const ACTIVE_FIELDS = ["Delivery Method", "Credits", "CME Passport", "Description", "Providership"];
const CLOSED_FIELDS = [
  "Outcome Measures",
  "Commercial Support",
  "Physician Learners",
  "Other Learners",
];

/**
 * The per-row status requirements (DOMAIN.md §3: Draft, Active and Ready to Close, Closed) as a
 * JSON Schema, with the field types a generic validator can say: less than the engine checks (no
 * format profiles, codes, dates as text, cross-table rules), so a fair floor.
 */
const STATUS_SCHEMA = {
  type: "object",
  required: ["Title", "Format", "Start Date", "End Date", "Status"],
  properties: {
    Title: text,
    Format: { enum: ["RSS", "Live Course", "Enduring Material", "JN", "MR", "PI", "CML"] },
    "Start Date": date,
    "End Date": date,
    Status: { enum: ["Draft", "Active", "Ready to Close", "Closed", "Cancelled"] },
    "Delivery Method": text,
    Credits: { type: "number", minimum: 0.25, multipleOf: 0.25 },
    "CME Passport": { enum: ["Yes", "No"] },
    Description: text,
    Providership: { enum: ["Direct", "Joint"] },
    "Outcome Measures": text,
    "Commercial Support": { enum: ["Yes", "No"] },
    "Physician Learners": num,
    // Two branches, not a union type: ajv 8's strict mode refuses `type: [..]` without an option.
    "Other Learners": { anyOf: [num, { type: "string", pattern: "^\\d+$" }] },
  },
  allOf: [
    {
      if: { properties: { Status: { enum: ["Active", "Ready to Close", "Closed"] } } },
      then: { required: ACTIVE_FIELDS },
    },
    {
      if: { properties: { Status: { const: "Closed" } } },
      then: { required: CLOSED_FIELDS },
    },
    {
      if: { properties: { Providership: { const: "Joint" } }, required: ["Providership"] },
      then: { required: ["Joint Providers"], properties: { "Joint Providers": text } },
    },
  ],
} as const;

const count = { type: "integer", minimum: 0 } as const;

/**
 * The per-row requirements of the tables joined to activities (DOMAIN.md §4: Support, MOC and
 * Sessions rows), so that ajv validates every row the check reads, not only the Activities rows.
 */
const LINKED_SCHEMAS = {
  Support: {
    type: "object",
    required: ["Internal ID", "Source", "Support Type"],
    properties: {
      "Internal ID": text,
      "Start Date": date,
      Source: text,
      "Support Type": { enum: ["Monetary", "In-kind"] },
      Amount: {
        anyOf: [
          { type: "number", minimum: 0 },
          { type: "string", pattern: "^[\\d,.]+$" },
        ],
      },
      "Date Received": date,
    },
    if: { properties: { "Support Type": { const: "Monetary" } } },
    then: { required: ["Amount"] },
  },
  MOC: {
    type: "object",
    required: ["Internal ID", "Board", "Practice Areas", "Credit Types", "MOC Credits"],
    properties: {
      "Internal ID": text,
      "Start Date": date,
      Board: text,
      "Practice Areas": text,
      "Credit Types": text,
      "MOC Credits": { type: "number", minimum: 0.25, multipleOf: 0.25 },
      Fee: { enum: ["Yes", "No"] },
      Registration: text,
      "Activity URL": { type: "string", pattern: "^https?://\\S+$" },
      "Claim Date": date,
    },
  },
  Sessions: {
    type: "object",
    required: ["Internal ID", "Session Date"],
    properties: {
      "Internal ID": text,
      "Session Date": date,
      Hours: { type: "number", minimum: 0 },
      "Physician Learners": count,
      "Other Learners": count,
      Topic: text,
    },
  },
} as const;

/** Rows of a table as objects keyed by header, blank cells left out, each validated. */
function validateRows(
  values: readonly (readonly CellValue[])[],
  validate: (o: Record<string, CellValue>) => boolean
): number {
  const headers = values[0] as readonly string[];
  let failing = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r] as readonly CellValue[];
    const o: Record<string, CellValue> = {};
    for (let c = 0; c < headers.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== "") o[headers[c] as string] = v;
    }
    if (!validate(o)) failing++;
  }
  return failing;
}

export function ratiosBench(): Promise<Record<string, number>> {
  const book = generateBook(N);
  const ajv = new Ajv({ allErrors: true });
  // Every table the check reads, each row against its table's schema: the same rows on both sides.
  const validators = book.tables.map((t) => {
    const schema =
      t.name === "Activities"
        ? STATUS_SCHEMA
        : LINKED_SCHEMAS[t.name as keyof typeof LINKED_SCHEMAS];
    if (schema === undefined) throw new Error(`no schema for table ${t.name}`);
    const validate = ajv.compile(schema);
    return { values: t.values, validate: (o: Record<string, CellValue>) => validate(o) === true };
  });
  const rows = book.tables.reduce((n, t) => n + t.values.length - 1, 0);

  const check = () => checkWorkbook(book, { today: TODAY });
  const floor = interleaved(check, () => floorPass(book));
  console.log(
    `check of ${String(N)} activities ${String(floor.a)} ms over one pass reading every cell and its type ${String(floor.b)} ms: ratio_check_vs_floor ${String(floor.ratio)}`
  );

  const ajvRun = () => {
    let failing = 0;
    for (const v of validators) failing += validateRows(v.values, v.validate);
    return failing;
  };
  const ajvFailing = ajvRun();
  const ajvRatio = interleaved(check, ajvRun);
  console.log(
    `check ${String(ajvRatio.a)} ms over ajv validating the same ${String(rows)} rows (${String(book.tables.length)} tables; ${String(ajvFailing)} fail) against the per-row schemas, objects built, ${String(ajvRatio.b)} ms: ratio_check_vs_ajv ${String(ajvRatio.ratio)}`
  );

  // The check's first stage alone (finding the tables, reading every cell into a typed field and
  // every row into a record) against ajv's whole run: what is left for the join, rules, verdicts
  // and issues if the check is to be no slower than ajv.
  const readOnly = () => {
    const found: IssueBody[] = [];
    return readRecords(locateTables(book), book.dateSystem, (body) => found.push(body));
  };
  const read = interleaved(readOnly, ajvRun);
  console.log(
    `of which reading the same rows into records (the check's first stage) ${String(read.a)} ms over ajv's whole run ${String(read.b)} ms: ratio_read_vs_ajv ${String(read.ratio)}`
  );

  const outcome = previewExport(book, { today: TODAY });
  if (!outcome.ok) throw new Error(outcome.problem);
  const preview = outcome.preview;
  let bytes = 0;
  for (const piece of buildExport(preview, PARS_XML, STAMP).pieces)
    bytes += Buffer.byteLength(piece);
  const chunk = "<Activity>".repeat(6_554); // 65,540 bytes of ASCII
  const bufferFloor = () => {
    const out = Buffer.allocUnsafe(bytes);
    for (let at = 0; at < bytes; at += chunk.length) out.write(chunk, at, "latin1");
    return out;
  };
  const xml = interleaved(() => buildExport(preview, PARS_XML, STAMP), bufferFloor);
  console.log(
    `building the ${String(N)}-activity XML (${String(bytes)} bytes) ${String(xml.a)} ms over writing as many bytes into a Buffer ${String(xml.b)} ms: ratio_xml_vs_buffer_floor ${String(xml.ratio)}`
  );
  // As many PARS.STATUS calls (one complete Closed row, as Excel passes it) as a batch check has
  // rows, so the ratio of the two times is the ratio per row.
  const batchBook = generateBook(BATCH_ROWS);
  const statusCalls = () => {
    let last: unknown;
    for (let i = 0; i < BATCH_ROWS; i++) last = status(HEADERS, ROW, TODAY);
    if (last !== "Closed") throw new Error(`PARS.STATUS gave ${JSON.stringify(last)}`);
  };
  const st = interleaved(statusCalls, () => checkWorkbook(batchBook, { today: TODAY }));
  console.log(
    `${String(BATCH_ROWS)} PARS.STATUS calls ${String(st.a)} ms over a batch check of ${String(BATCH_ROWS)} activities ${String(st.b)} ms: ratio_status_vs_batch_row ${String(st.ratio)}`
  );
  console.log(`(each: median of ${String(RUNS)} runs after a warm-up, the two sides alternating)`);
  return Promise.resolve({
    ratio_check_vs_floor: floor.ratio,
    ratio_check_vs_ajv: ajvRatio.ratio,
    ratio_read_vs_ajv: read.ratio,
    ratio_xml_vs_buffer_floor: xml.ratio,
    ratio_status_vs_batch_row: st.ratio,
  });
}
