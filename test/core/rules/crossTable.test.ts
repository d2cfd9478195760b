import fc from "fast-check";
import { addMonths, dayOfIso, usOfDay } from "../../../src/core";
import { aRow, TODAY } from "../../support/builders";
import { codes, run } from "../../support/check";

describe("Internal ID", () => {
  it("warns when it is empty, and makes it an error for MOC activities", () => {
    expect(codes(run({ activities: [aRow({ "Internal ID": "" })] }))).toEqual([
      "internal_id_missing@Activities!2:Internal ID",
    ]);
    const moc = run({
      activities: [
        aRow({ "Internal ID": "", MOC: "Yes", "MOC Attestation": "Yes", Status: "Ready to Close" }),
      ],
    });
    expect(moc.issues[0]).toMatchObject({
      code: "internal_id_missing",
      severity: "error",
      required: "moc",
    });
    expect(moc.rows[0]!.passes).toBe(false);
  });

  it("is an error when the same ID, format and start date appear twice", () => {
    const result = run({ activities: [aRow(), aRow()] });
    expect(codes(result, "error")).toEqual([
      "internal_id_duplicate@Activities!2:Internal ID",
      "internal_id_duplicate@Activities!3:Internal ID",
    ]);
    expect(result.issues[0]).toMatchObject({ otherRows: [3] });
  });

  it("warns when an ID is reused for another format or date", () => {
    const result = run({
      activities: [
        aRow(),
        aRow({ "Start Date": "07/01/2024", Format: "Live Course", "End Date": "07/02/2024" }),
      ],
    });
    expect(codes(result)).toEqual([
      "internal_id_reused@Activities!2:Internal ID",
      "internal_id_reused@Activities!3:Internal ID",
    ]);
    expect(result.rows.every((r) => r.passes)).toBe(true);
  });

  it("is never the provider's seven-digit ACCME ID; any seven digits are warned about when none is set", () => {
    const configured = run({ activities: [aRow({ "Internal ID": "1234567" })] }, TODAY, "1234567");
    expect(configured.issues).toMatchObject([
      { code: "internal_id_is_provider_id", severity: "error" },
    ]);
    expect(
      codes(run({ activities: [aRow({ "Internal ID": "7654321" })] }, TODAY, "1234567"))
    ).toEqual([]);
    const unset = run({ activities: [aRow({ "Internal ID": "1234567" })] });
    expect(unset.issues).toMatchObject([{ code: "internal_id_seven_digits", severity: "warning" }]);
  });

  it("names ten of the other rows and counts them all when one ID is on many rows", () => {
    // 30 rows with "TBD": 20 on one start date (duplicates), 10 on other dates (reused).
    const rows = Array.from({ length: 30 }, (_, i) =>
      aRow({
        "Internal ID": "TBD",
        "Start Date": i < 20 ? "07/01/2024" : `07/${String(i - 18)}/2024`,
      })
    );
    const result = run({ activities: rows });
    const at = (row: number) =>
      result.issues.find((i) => i.row === row && i.code.startsWith("internal_id"));
    expect(at(2)).toMatchObject({
      code: "internal_id_duplicate",
      otherRows: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      others: 19,
    });
    expect(at(21)).toMatchObject({
      code: "internal_id_duplicate",
      otherRows: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      others: 19,
    });
    expect(at(31)).toMatchObject({
      code: "internal_id_reused",
      otherRows: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      others: 29,
    });
    expect(result.issues.filter((i) => i.code.startsWith("internal_id"))).toHaveLength(30);
  });

  it("requires an ID when two activities of one format share a start date", () => {
    const result = run({
      activities: [aRow({ "Internal ID": "" }), aRow({ "Internal ID": "", Title: "Other" })],
    });
    expect(result.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ["internal_id_missing", "error", 2],
      ["internal_id_missing", "error", 3],
    ]);
  });
});

describe("Support", () => {
  const yes = aRow({ "Commercial Support": "Yes" });

  it("needs a source to close when Commercial Support is Yes", () => {
    const result = run({ activities: [yes], support: [] });
    expect(codes(result)).toEqual(["support_without_source@Activities!2:Commercial Support"]);
    expect(result.rows[0]!.passes).toBe(false);
  });

  it("warns before Closed that a source will be needed", () => {
    const result = run({
      activities: [aRow({ "Commercial Support": "Yes", Status: "Ready to Close" })],
      support: [],
    });
    expect(result.issues).toMatchObject([{ code: "support_without_source", severity: "warning" }]);
    expect(result.rows[0]!.passes).toBe(true);
  });

  it("needs an amount for monetary support and a type for each source", () => {
    const result = run({
      activities: [yes],
      support: [
        { "Internal ID": "IMGR-2024", Source: "Acme", "Support Type": "Monetary" },
        { "Internal ID": "IMGR-2024", Source: "Beta" },
      ],
    });
    expect(codes(result)).toEqual([
      "missing_field@Support!2:Amount",
      "missing_field@Support!3:Support Type",
    ]);
    expect(result.rows[0]!.passes).toBe(false);
  });

  it("passes with monetary and in-kind sources, and warns about a dollar value on in-kind", () => {
    const result = run({
      activities: [yes],
      support: [
        {
          "Internal ID": "imgr-2024",
          Source: "Acme",
          "Support Type": "Monetary",
          Amount: "$5,000",
        },
        { "Internal ID": "IMGR-2024", Source: "Beta", "Support Type": "In-kind", Amount: 300 },
      ],
    });
    expect(codes(result)).toEqual(["in_kind_with_amount@Support!3:Amount"]);
    expect(result.rows[0]!.passes).toBe(true);
  });

  it("is an error when Commercial Support is No but sources are listed", () => {
    const result = run({
      activities: [aRow()],
      support: [
        { "Internal ID": "IMGR-2024", Source: "Acme", "Support Type": "Monetary", Amount: 1 },
      ],
    });
    expect(codes(result)).toEqual(["sources_without_support@Activities!2:Commercial Support"]);
  });

  it("reports a row whose Internal ID matches no activity", () => {
    const result = run({
      activities: [aRow()],
      support: [{ "Internal ID": "NOPE", Source: "Acme" }, { Source: "Nameless" }],
    });
    expect(codes(result)).toEqual([
      "orphan_row@Support!2:Internal ID",
      "orphan_row@Support!3:Internal ID",
    ]);
  });
});

describe("MOC", () => {
  const board = {
    "Internal ID": "IMGR-2024",
    Board: "ABIM",
    "Practice Areas": "Internal Medicine",
    "Credit Types": "Medical Knowledge",
    "MOC Credits": 52,
    Fee: "No",
    Registration: "Open to all",
    "Activity URL": "https://cme.example.org/gr",
    "Claim Date": "06/30/2025",
  };
  const moc = aRow({ MOC: "Yes", "MOC Attestation": "Yes" });

  it("passes Closed with a complete board", () => {
    const result = run({ activities: [moc], moc: [board] });
    expect(codes(result)).toEqual([]);
    expect(result.rows[0]!.passes).toBe(true);
  });

  it("needs a board, the attestation, and every field of each board to close", () => {
    expect(codes(run({ activities: [moc], moc: [] }))).toEqual([
      "moc_without_board@Activities!2:MOC",
    ]);
    expect(
      codes(run({ activities: [aRow({ MOC: "Yes", "MOC Attestation": "No" })], moc: [board] }))
    ).toEqual(["moc_attestation_incomplete@Activities!2:MOC Attestation"]);
    const partial = run({
      activities: [moc],
      moc: [{ ...board, "Credit Types": "", "Claim Date": "" }],
    });
    expect(codes(partial)).toEqual([
      "missing_field@MOC!2:Credit Types",
      "missing_field@MOC!2:Claim Date",
    ]);
    expect(partial.rows[0]!.passes).toBe(false);
  });

  it("refuses a board PARS does not take", () => {
    expect(codes(run({ activities: [moc], moc: [{ ...board, Board: "ABC" }] }))).toEqual([
      "invalid_code@MOC!2:Board",
    ]);
  });
});

describe("Sessions", () => {
  const weekly = (n: number, learners = 20) =>
    Array.from({ length: n }, (_, i) => ({
      "Internal ID": "IMGR-2024",
      "Session Date": 45474 + 7 * i,
      Hours: 1,
      "Physician Learners": learners,
      "Other Learners": 0,
    }));

  it("agrees with the FAQ: 52 one-hour sessions of 20 physicians are 52 credits and 1,040 learners", () => {
    expect(codes(run({ activities: [aRow()], sessions: weekly(52) }))).toEqual([]);
  });

  it("warns, naming both numbers, when a series' totals differ from its sessions", () => {
    const result = run({ activities: [aRow()], sessions: weekly(50) });
    expect(codes(result)).toEqual([
      "series_total_mismatch@Activities!2:Credits",
      "series_total_mismatch@Activities!2:Physician Learners",
    ]);
    expect(result.issues[0]).toMatchObject({
      reported: 52,
      sessionsTotal: 50,
      severity: "warning",
    });
    expect(result.rows[0]!.passes).toBe(true);
  });

  it("does not add up learners for a live course (learners of the overall event)", () => {
    const course = aRow({
      Format: "Live Course",
      "End Date": "07/02/2024",
      Credits: 2,
      "Physician Learners": 20,
    });
    const sessions = weekly(2).map((s, i) => ({ ...s, "Session Date": 45474 + i }));
    expect(codes(run({ activities: [course], sessions }))).toEqual([]);
  });

  it("warns about a session outside the activity's dates", () => {
    const sessions = [...weekly(51), { ...weekly(1)[0]!, "Session Date": "07/07/2025" }];
    expect(codes(run({ activities: [aRow()], sessions }))).toEqual([
      "session_outside_dates@Sessions!53:Session Date",
    ]);
  });
});

describe("formats aggregated once a year", () => {
  const isl = (id: string, start: string, end: string) =>
    aRow({
      "Internal ID": id,
      Format: "ISL",
      "Start Date": start,
      "End Date": end,
      "Delivery Method": "",
      City: "",
      State: "",
      Country: "",
      Credits: 0.5,
      "Physician Learners": 50,
    });

  it("warns about two ISL activities within 12 months, not about consecutive years", () => {
    const result = run(
      {
        activities: [
          isl("A", "01/01/2024", "12/31/2024"),
          isl("B", "06/01/2024", "12/31/2024"),
          isl("C", "01/01/2025", "12/31/2025"),
        ],
      },
      "2026-01-15"
    );
    expect(result.issues.map((i) => [i.code, i.row, "otherRows" in i ? i.otherRows : []])).toEqual([
      ["aggregate_format_repeated", 2, [3]],
      ["aggregate_format_repeated", 3, [2, 4]],
      ["aggregate_format_repeated", 4, [3]],
    ]);
  });

  it("names the ten nearest in start date and counts them all when many start within a year", () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      isl(`I${String(i)}`, `01/${String(i + 1).padStart(2, "0")}/2024`, "12/31/2024")
    );
    const result = run({ activities: many }, "2026-01-15");
    const first = result.issues.find((i) => i.row === 2);
    expect(first).toMatchObject({ code: "aggregate_format_repeated", others: 14 });
    expect(first && "otherRows" in first ? first.otherRows : []).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    const middle = result.issues.find((i) => i.row === 9);
    expect(middle && "otherRows" in middle ? middle.otherRows : []).toEqual([
      4, 5, 6, 7, 8, 10, 11, 12, 13, 14,
    ]);
  });

  it("counts exactly the activities starting less than 12 months before or after, at month ends and leap days", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: 2, maxLength: 25 }),
        (offsets) => {
          const day0 = dayOfIso("2023-01-31") as number;
          const starts = offsets.map((o) => day0 + o);
          const rows = starts.map((d, i) => isl(`I${String(i)}`, usOfDay(d), usOfDay(d + 1)));
          const result = run({ activities: rows }, "2030-01-15");
          starts.forEach((s, i) => {
            const expected = starts.filter(
              (o, j) => j !== i && o < addMonths(s, 12) && s < addMonths(o, 12)
            ).length;
            const found = result.issues.find(
              (x) => x.row === i + 2 && x.code === "aggregate_format_repeated"
            );
            expect(found && "others" in found ? found.others : 0).toBe(expected);
          });
        }
      ),
      { numRuns: 200 }
    );
  });
});
