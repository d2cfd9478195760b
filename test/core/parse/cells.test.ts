import {
  cellFromHost,
  dayOfIso,
  isoOfDay,
  readCount,
  readCredits,
  readDate,
  readFormat,
  readNumber,
  readText,
  readYesNo,
  type Field,
} from "../../../src/core";
import {
  readCountry,
  readOutcomes,
  readUrl,
  readDescription,
  readCodeList,
} from "../../../src/core/parse/cells";
import { DELIVERY_METHODS } from "../../../src/core";

const iso = (f: Field<number>) => (f.kind === "ok" ? isoOfDay(f.value) : f.kind);

describe("dates", () => {
  it.each([
    [45474, 1900, "2024-07-01"],
    [45474.75, 1900, "2024-07-01"], // a time of day is dropped
    [44012, 1904, "2024-07-01"],
    ["07/01/2024", 1900, "2024-07-01"],
    ["7/1/2024", 1900, "2024-07-01"],
    [" 2024-07-01 ", 1900, "2024-07-01"],
    ["2024-07-01T00:00:00", 1900, "2024-07-01"],
    ["02/29/2024", 1900, "2024-02-29"],
    ["07/01/2024 08:00", 1900, "2024-07-01"], // text from a system that adds the time
    ["7/1/2024 8:00 PM", 1900, "2024-07-01"],
    ["July 1, 2024", 1900, "2024-07-01"],
    ["Jul. 1 2024", 1900, "2024-07-01"],
    ["sept 30, 2024", 1900, "2024-09-30"],
    ["1 July 2024", 1900, "2024-07-01"],
    ["01-Jul-2024", 1900, "2024-07-01"],
  ] as const)("reads %p (%p system) as %s", (cell, system, expected) => {
    expect(iso(readDate(cell, system))).toBe(expected);
  });

  it.each([
    "02/30/2025",
    "02/29/2025",
    "13/01/2025",
    "2025-04-31",
    "next week",
    "07/01/24",
    "1-Jul-24",
    "1/1/1899",
    "February 30, 2024",
    "Juli 1, 2024",
    "07/01/2024 noon",
  ])("refuses %p, never rolling it over", (cell) => {
    const f = readDate(cell, 1900);
    expect(f).toEqual({ kind: "invalid", issue: { code: "invalid_date", value: cell } });
  });

  it("refuses serials before 03/01/1900, where Excel's calendar is off by a day", () => {
    expect(readDate(60, 1900).kind).toBe("invalid");
    expect(iso(readDate(61, 1900))).toBe("1900-03-01");
  });

  it("reports an Excel error value as such, and a blank cell as empty", () => {
    expect(readDate({ error: "#N/A" }, 1900)).toEqual({
      kind: "invalid",
      issue: { code: "cell_error", value: "#N/A" },
    });
    expect(readDate("   ", 1900)).toEqual({ kind: "empty" });
    expect(readDate(null, 1900)).toEqual({ kind: "empty" });
  });

  it("round-trips ISO dates", () => {
    expect(isoOfDay(dayOfIso("2023-07-01") as number)).toBe("2023-07-01");
    expect(dayOfIso("2023-02-29")).toBeNull();
  });
});

describe("numbers and counts", () => {
  it.each([
    ["1,040", 1040],
    [" 52 ", 52],
    ["$2,500.00", 2500],
    [0.5, 0.5],
  ] as const)("reads %p as %p", (cell, n) => {
    expect(readNumber(cell)).toEqual({ kind: "ok", value: n });
  });

  it("takes 0 as a learner count but not blank, a fraction or a negative", () => {
    expect(readCount(0)).toEqual({ kind: "ok", value: 0 });
    expect(readCount("1,040")).toEqual({ kind: "ok", value: 1040 });
    expect(readCount("")).toEqual({ kind: "empty" });
    for (const bad of [2.5, -1, "weekly", true]) expect(readCount(bad).kind).toBe("invalid");
  });

  it("takes credits of at least 0.25 in 0.25 steps", () => {
    for (const good of [0.25, 0.5, 1, 52, "12.75"]) expect(readCredits(good).kind).toBe("ok");
    for (const bad of [0, 0.1, 0.3, 1.33, -1, "lots"]) {
      expect(readCredits(bad)).toEqual({
        kind: "invalid",
        issue: { code: "invalid_credits", value: String(bad) },
      });
    }
  });
});

describe("yes/no", () => {
  it.each([
    ["Yes", true],
    ["y", true],
    ["TRUE", true],
    [true, true],
    [1, true],
    ["1", true],
    ["No", false],
    ["N", false],
    ["false", false],
    [false, false],
    [0, false],
  ] as const)("reads %p as %p", (cell, v) => {
    expect(readYesNo(cell)).toEqual({ kind: "ok", value: v });
  });
  it("refuses anything else", () => {
    expect(readYesNo("maybe").kind).toBe("invalid");
  });
});

describe("formats", () => {
  it.each([
    ["RSS", "rss"],
    ["Regularly Scheduled Series", "rss"],
    ["regularly  scheduled series", "rss"],
    ["C", "course"],
    ["IL", "course"],
    ["Live Course", "course"],
    ["EM", "enduring"],
    ["IEM", "enduring"],
    ["Enduring Materials", "enduring"],
    ["JN", "journal"],
    ["Journal-based CME", "journal"],
    ["MR", "manuscript"],
    ["TIW", "testItem"],
    ["CML", "committee"],
    ["PI", "improvement"],
    ["ISL", "searching"],
    ["LFT", "teaching"],
    ["Other/Blended Learning", "other"],
  ] as const)("reads %p as %p", (cell, key) => {
    expect(readFormat(cell)).toEqual({ kind: "ok", value: key });
  });

  it("says that Grand Rounds is not a format, and what it usually is", () => {
    expect(readFormat("Grand Rounds")).toEqual({
      kind: "invalid",
      issue: { code: "not_a_format", value: "Grand Rounds", usually: "Regularly Scheduled Series" },
    });
  });

  it("refuses an unknown format", () => {
    expect(readFormat("Hackathon")).toEqual({
      kind: "invalid",
      issue: { code: "unknown_format", value: "Hackathon" },
    });
  });
});

describe("codes and text", () => {
  it("keeps alpha-3 countries and normalises alpha-2 codes and names with a note", () => {
    expect(readCountry("USA")).toEqual({ kind: "ok", value: "USA" });
    expect(readCountry("us")).toEqual({
      kind: "ok",
      value: "USA",
      note: { code: "code_normalised", value: "us", normalised: "USA" },
    });
    expect(readCountry("United Kingdom")).toMatchObject({ kind: "ok", value: "GBR" });
    expect(readCountry("Atlantis").kind).toBe("invalid");
  });

  it("reads delivery-method lists and refuses an unknown method", () => {
    expect(readCodeList("In person; live stream", DELIVERY_METHODS)).toEqual({
      kind: "ok",
      value: ["In-Person", "Live-Streamed"],
    });
    expect(readCodeList("Carrier pigeon", DELIVERY_METHODS).kind).toBe("invalid");
  });

  it("reads outcome measures with and without a measurement type", () => {
    expect(
      readOutcomes("Learner Knowledge (Objective); Patient Health - subjective; Competence")
    ).toEqual({
      kind: "ok",
      value: [
        { name: "Learner Knowledge", type: "Objective" },
        { name: "Patient Health", type: "Subjective" },
        { name: "Learner Competence", type: null },
      ],
    });
    expect(readOutcomes("Happiness").kind).toBe("invalid");
  });

  it("accepts http(s) URLs, and reads one without its scheme as https with a note", () => {
    expect(readUrl("https://cme.example.org/a?b=1").kind).toBe("ok");
    expect(readUrl("www.example.org")).toEqual({
      kind: "ok",
      value: "https://www.example.org",
      note: { code: "url_scheme_added", value: "www.example.org", url: "https://www.example.org" },
    });
    expect(readUrl("cme.example.org/gr?y=2025")).toMatchObject({
      value: "https://cme.example.org/gr?y=2025",
    });
    for (const bad of ["TBD", "example", "ftp://example.org", "https://", "http://no spaces.org"]) {
      expect(readUrl(bad).kind).toBe("invalid");
    }
  });

  it("notes a tab or line break inside text but keeps the text", () => {
    expect(readText("Grand\tRounds")).toEqual({
      kind: "ok",
      value: "Grand\tRounds",
      note: { code: "control_characters", value: "Grand\tRounds" },
    });
  });

  it.each([
    ["Grand Rounds", "Grand Rounds"],
    ["  Grand Rounds ", "Grand Rounds"],
    ["\u00a0Grand Rounds\u00a0", "Grand Rounds"], // a no-break space pasted from a web page
    ["Grand Rounds\u2028", "Grand Rounds"],
    ["\ufeffGR-1", "GR-1"],
    ["Révision été", "Révision été"],
    ["x", "x"],
  ])("reads %j as the text %j, trimmed", (cell, text) => {
    expect(readText(cell)).toEqual({ kind: "ok", value: text });
  });

  it.each(["\u007fGR", "GR\u007f", "G\u007fR", "\tGR\u0001", "G\rR", " \u001bGR"])(
    "notes the control character in %j",
    (cell) => {
      const f = readText(cell);
      expect(f).toEqual({
        kind: "ok",
        value: cell.trim(),
        note: { code: "control_characters", value: cell.trim() },
      });
    }
  );

  it("reads blank text, and text of white space only, as blank", () => {
    for (const cell of ["", " ", "\u00a0", "\t\n"])
      expect(readText(cell)).toEqual({ kind: "empty" });
  });

  it("refuses a description over 2,500 characters", () => {
    expect(readDescription("x".repeat(2500)).kind).toBe("ok");
    expect(readDescription("x".repeat(2501))).toEqual({
      kind: "invalid",
      issue: { code: "description_too_long", length: 2501, max: 2500 },
    });
  });
});

describe("ISO date cells", () => {
  const day = (f: Field<number>): string | null => (f.kind === "ok" ? isoOfDay(f.value) : null);

  it("reads a JavaScript Date, as .xlsx readers give a date cell, as its own calendar day", () => {
    // 2024-07-01 as a t="d" cell: read as a serial number it became 07/16/1905.
    const cell = cellFromHost(new Date(Date.UTC(2024, 6, 1)));
    expect(cell).toBe("2024-07-01");
    expect(day(readDate(cell, 1900))).toBe("2024-07-01");
    expect(day(readDate(cellFromHost(new Date(Date.UTC(1999, 11, 31, 23, 59))), 1904))).toBe(
      "1999-12-31"
    );
  });

  it.each(["2024-07-01", "2024-07-01T00:00:00", "2024-07-01T00:00:00.000Z", "2024-7-1"])(
    "reads the ISO text %p as 2024-07-01",
    (text) => {
      expect(day(readDate(text, 1900))).toBe("2024-07-01");
    }
  );

  it("makes an invalid Date an error value, never a day", () => {
    const cell = cellFromHost(new Date(Number.NaN));
    expect(cell).toEqual({ error: "#VALUE!" });
    expect(readDate(cell, 1900).kind).toBe("invalid");
  });
});
