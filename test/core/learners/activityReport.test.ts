import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dayOfIso } from "../../../src/core/dates";
import { InvalidOptionError } from "../../../src/core/errors";
import {
  BIRTH_YEAR_PLACEHOLDER,
  buildLearnerFile,
  learnerFileName,
} from "../../../src/core/learners/activityReport";
import type { ExportLearner } from "../../../src/core/learners/model";
import { learnerFileProblems } from "../../support/learnerSchema";
import { parseXml, type XmlNode } from "../../support/strictXml";

const day = (iso: string): number => dayOfIso(iso)!;
const GOLDEN_DIR = join(__dirname, "..", "..", "golden");

const GRAND_ROUNDS = {
  accmeId: "201900001",
  title: "Medicine Grand Rounds 2025",
  internalId: "GR-2025",
};

/** A learner of the FAQ's grand-rounds series, with CME credit only. */
const base: ExportLearner = {
  row: 2,
  firstName: "Ana",
  lastName: "Ruiz",
  birth: { month: 7, day: 4 },
  npi: "1234567893",
  license: { state: "IL", number: "036-123456" },
  boardId: null,
  completion: day("2025-03-05"),
  cmeCredits: 1,
  moc: null,
  action: "Add",
  activity: GRAND_ROUNDS,
};

const LEARNERS: readonly ExportLearner[] = [
  base,
  {
    ...base,
    row: 3,
    firstName: "Seán",
    lastName: "O'Brien & Sons",
    birth: { month: 2, day: 29 },
    npi: null,
    boardId: { board: "ABIM", id: "012345" },
    license: null,
    cmeCredits: 1,
    moc: { board: "ABIM", creditType: "Medical Knowledge", points: 1 },
  },
  {
    ...base,
    row: 4,
    firstName: "Kim",
    lastName: "Lee",
    birth: { month: 12, day: 31 },
    npi: null,
    license: null,
    cmeCredits: null,
    moc: { board: "ABS", creditType: "Self-Assessment", points: 0.75 },
    completion: day("2025-02-12"),
    activity: { accmeId: "201900002", title: "Surgery <Update>", internalId: "SU-1" },
  },
  {
    ...base,
    row: 5,
    boardId: { board: "ABPath", id: "P-778" },
    moc: { board: "ABPath", creditType: "Lifelong Learning", points: 1 },
    action: "Delete",
  },
];

const OPTIONS = { providerId: "0001234", stamp: "2025-11-25T14:05" };
const text = (learners: readonly ExportLearner[]): string =>
  buildLearnerFile(learners, OPTIONS).pieces.join("");

describe("the learner file (MedBiquitous Activity Report v2)", () => {
  const file = buildLearnerFile(LEARNERS, OPTIONS);
  const xml = file.pieces.join("");

  it("writes the golden file byte for byte", () => {
    const path = join(GOLDEN_DIR, "learners.xml");
    const bytes = Buffer.concat(file.pieces.map((p) => Buffer.from(p, "utf8")));
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(path, bytes);
    }
    const golden = readFileSync(path);
    if (!golden.equals(bytes)) {
      const a = golden.toString("utf8").split("\n");
      const b = xml.split("\n");
      const i = a.findIndex((line, k) => line !== b[k]);
      expect({ line: i + 1, text: b[i] }).toEqual({ line: i + 1, text: a[i] });
    }
    expect(bytes.equals(golden)).toBe(true);
  });

  it("is named for when it was made", () => {
    expect(file.fileName).toBe("pars-learners-20251125-1405.xml");
    expect(learnerFileName("2026-01-02T03:04")).toBe("pars-learners-20260102-0304.xml");
  });

  it("validates against the Activity Report v2 schema, offline", async () => {
    expect(await learnerFileProblems(xml)).toEqual([]);
  });

  it("fails the schema when an element is out of place (the validation can fail)", async () => {
    const moved = xml.replace(
      /(\s*<Status>Completed<\/Status>)(\s*<CompletedDateTime>[^<]*<\/CompletedDateTime>)/,
      "$2$1"
    );
    expect(moved).not.toBe(xml);
    const errors = await learnerFileProblems(moved);
    expect(errors.join("\n")).toMatch(/Status': This element is not expected/);
  });

  it("writes one ActivityReport per completion, with the credits and action it reports", () => {
    const root = parseXml(xml);
    const reports = root.children.filter((c) => c.name === "ActivityReport");
    expect(reports).toHaveLength(LEARNERS.length);
    const find = (n: XmlNode, path: string): XmlNode[] => {
      const [head, ...rest] = path.split("/");
      const found = n.children.filter((c) => c.name === head);
      return rest.length === 0 ? found : found.flatMap((c) => find(c, rest.join("/")));
    };
    const credits = reports.map((r) =>
      find(r, "Activity/Module/CreditCertificate/CreditReceived").map((c) =>
        c.children.map((k) => `${k.name}=${k.text}`).join(" ")
      )
    );
    expect(credits[0]).toEqual([
      "hx:activityCertification=AMA PRA Category 1 hx:creditType=CME hx:creditUnit=Point hx:numberOfCredits=1",
    ]);
    expect(credits[1]?.[1]).toBe(
      "hx:accreditingBody=ABIM hx:activityCertification=Medical Knowledge hx:creditUnit=Point hx:numberOfCredits=1"
    );
    expect(credits[2]).toEqual([
      "hx:accreditingBody=ABS hx:activityCertification=Self-Assessment hx:creditUnit=Point hx:numberOfCredits=0.75",
    ]);
    expect(reports.map((r) => find(r, "XtensibleInfo/pars:LearnerRecordAction")[0]?.text)).toEqual([
      "add",
      "add",
      "add",
      "delete",
    ]);
    expect(find(root, "ReportingStartDate")[0]?.text).toBe("2025-02-12");
    expect(find(root, "ReportingEndDate")[0]?.text).toBe("2025-03-05");
  });

  it("writes the birth date by month and day only, under a year that means nothing", () => {
    const births = [...xml.matchAll(/<m:BirthDate accuracy="DayMonth">([^<]*)</g)].map((m) => m[1]);
    const y = String(BIRTH_YEAR_PLACEHOLDER);
    expect(births).toEqual([`${y}-07-04`, `${y}-02-29`, `${y}-12-31`, `${y}-07-04`]);
    const none = text([{ ...base, birth: null }]);
    expect(none).not.toContain("BirthDate");
    expect(none).not.toContain("PersonalInfo");
  });

  it("gives a completion the same credit ID whatever its row or action, and another learner another", () => {
    const ids = (l: ExportLearner): string[] =>
      [...text([l]).matchAll(/<CreditID>([^<]*)</g)].map((m) => m[1] as string);
    const add = ids(base);
    expect(ids({ ...base, row: 99, action: "Delete" })).toEqual(add);
    expect(ids({ ...base, firstName: "ANA" })).toEqual(add);
    expect(ids({ ...base, lastName: "Ruiz-Diaz" })).not.toEqual(add);
    expect(ids({ ...base, completion: day("2025-03-06") })).not.toEqual(add);
    expect(add[0]).toMatch(/^ccid:0001234:201900001-20250305-[0-9a-f]{16}-cme$/);
  });

  it("is deterministic", () => {
    expect(text(LEARNERS)).toBe(xml);
  });

  it("refuses what it cannot make a valid file of (misuse, not data)", () => {
    expect(() => buildLearnerFile([], OPTIONS)).toThrow(InvalidOptionError);
    expect(() => buildLearnerFile(LEARNERS, { ...OPTIONS, providerId: "123" })).toThrow(
      InvalidOptionError
    );
    expect(() => buildLearnerFile(LEARNERS, { ...OPTIONS, stamp: "2025-02-30T10:00" })).toThrow(
      InvalidOptionError
    );
  });
});
