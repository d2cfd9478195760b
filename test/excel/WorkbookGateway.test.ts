import { ACTIVITY_HEADERS, aRow, LEARNER_HEADERS, serialOf, TODAY } from "../support/builders";
import { areaAddress, FakeExcel, parseAddress, PAYLOAD_LIMIT } from "../support/fakeExcel";
import { addTableSheet, bigWorkbook, smallWorkbook } from "../support/fakeWorkbooks";
import { ExcelAccessError } from "../../src/excel/excelErrors";
import { isMarkFormula } from "../../src/excel/highlightPlan";
import { SYNC_BYTES } from "../../src/excel/readWorkbook";
import { CheckCancelled, WorkbookGateway, type CheckPass } from "../../src/excel/WorkbookGateway";
import type { Capabilities } from "../../src/excel/capabilities";
import type { SheetChange } from "../../src/excel/changePlan";

const ALL: Capabilities = { check: true, highlight: true, live: true, insertTables: true };
const gatewayOf = (fake: FakeExcel, caps: Capabilities = ALL) =>
  new WorkbookGateway(fake.run, caps, () => Promise.resolve());

const marksOf = (fake: FakeExcel, sheet = "Activities") =>
  fake
    .sheet(sheet)
    .conditionalFormats.filter((cf) => isMarkFormula(cf.formula))
    .map((cf) => ({
      kind: /mark: (\w+)/.exec(cf.formula ?? "")?.[1],
      areas: cf.areas.map(areaAddress),
    }));

const resultOf = (pass: CheckPass) => {
  if (!pass.outcome.ok) throw new Error("no Activities table");
  return pass.outcome.result;
};

/** The JSON size of every cell of every table: the least a check must move from Excel. */
const tableBytes = (fake: FakeExcel) =>
  fake.tables.reduce(
    (n, t) =>
      n + JSON.stringify(fake.valuesOf(t.sheet, { r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc })).length,
    0
  );

describe("check and highlight", () => {
  it("marks failing rows, cells at fault and warnings as conditional formats of its own", async () => {
    const fake = smallWorkbook();
    const pass = await gatewayOf(fake).check({ today: TODAY });
    const result = resultOf(pass);
    expect(result.rows.map((r) => [r.row, r.passes])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    // Excel puts each new format on top: errors were added last, so they show over the row band.
    expect(marksOf(fake)).toEqual([
      { kind: "error", areas: ["J3", "M3"] },
      { kind: "warning", areas: ["L4"] },
      { kind: "row", areas: ["A3:AA3"] },
    ]);
    expect(pass.marks).toEqual({ rows: 1, errorCells: 2, warningCells: 1 });
  });

  it("reads a Learners table, marks its cells at fault and lists its findings, leaving activities' verdicts alone", async () => {
    const fake = smallWorkbook();
    addTableSheet(fake, "Learners", LEARNER_HEADERS, [
      {
        "Internal ID": "A-1",
        "First Name": "Maria",
        "Last Name": "Lopez",
        "Birth Date": "03/14",
        NPI: "1234567890",
        "Completion Date": serialOf("09/12/2024"),
        "CME Credits": 1,
      },
      {
        "Internal ID": "A-1",
        "First Name": "James",
        "Last Name": "Chen",
        "Completion Date": serialOf("09/12/2024"),
        "CME Credits": 1,
      },
    ]);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    const result = resultOf(pass);
    expect(result.rows.map((r) => [r.row, r.passes])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    const learners = result.issues.filter((i) => i.table === "Learners");
    expect(learners.map((i) => `${i.code}@${String(i.row)}:${i.column}:${i.severity}`)).toEqual([
      "learner_activity_no_accme_id@2:Internal ID:warning",
      "invalid_npi@2:NPI:error",
      "learner_activity_no_accme_id@3:Internal ID:warning",
      "learner_field_missing@3:Birth Date:warning",
    ]);
    const npi = LEARNER_HEADERS.indexOf("NPI");
    const npiColumn = String.fromCharCode(65 + npi);
    expect(marksOf(fake, "Learners")).toEqual([
      { kind: "error", areas: [`${npiColumn}2`] },
      { kind: "warning", areas: ["A2:A3", "F3"] },
    ]);
  });

  it("never changes a value, a cell format or the user's conditional formats, and Clear restores the workbook exactly", async () => {
    const fake = smallWorkbook();
    const sheet = fake.sheet("Activities");
    sheet.formats.set("2,8", { fill: "#00FF00", bold: true });
    sheet.numberFormats.set("1,4", "mm/dd/yyyy");
    fake.addUserConditionalFormat(sheet, "A2:A10", {
      type: "Custom",
      formula: '=$G2="Closed"',
      fill: "#0000FF",
    });
    fake.addUserConditionalFormat(sheet, "M2:M10", { type: "CellValue", fill: "#FF00FF" });
    const before = fake.snapshot();
    const gateway = gatewayOf(fake);

    await gateway.check({ today: TODAY });
    const during = fake.snapshot() as { conditionalFormats: unknown[] }[];
    const beforeSheets = before as { conditionalFormats: unknown[] }[];
    during.forEach((s, i) => {
      const { conditionalFormats: cfs, ...rest } = s;
      const { conditionalFormats: cfsBefore, ...restBefore } = beforeSheets[i]!;
      expect(rest).toEqual(restBefore);
      expect(cfs.slice(cfs.length - cfsBefore.length)).toEqual(cfsBefore);
    });
    expect(marksOf(fake)).not.toHaveLength(0);

    expect(await gateway.clearHighlights()).toBe(3);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.count("RangeFill.color") + fake.count("RangeFont.color")).toBe(0);
  });

  it("replaces its marks on a later check instead of adding more", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    const first = marksOf(fake);
    await gateway.check({ today: TODAY });
    expect(marksOf(fake)).toEqual(first);
  });

  it("finds Activities by a sheet's header row when no table or sheet is named for it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Notes");
    addTableSheet(fake, "FY25", ACTIVITY_HEADERS, [aRow({ City: "" })], null);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows.map((r) => [r.sheet, r.row, r.passes])).toEqual([
      ["FY25", 2, false],
    ]);
    expect(marksOf(fake, "FY25")).toContainEqual({ kind: "row", areas: ["A2:AA2"] });
  });

  it("finds Activities on a sheet whose headers sit below a title", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("FY25");
    fake.setValues(sheet, 0, 0, [["FY2025 CME activities"]]);
    fake.setValues(sheet, 2, 0, [
      ACTIVITY_HEADERS,
      ACTIVITY_HEADERS.map((h) => aRow({ City: "" })[h] ?? ""),
    ]);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows.map((r) => [r.sheet, r.row, r.passes])).toEqual([
      ["FY25", 4, false],
    ]);
  });

  it("reads a table at the very bottom of the sheet, where the first-rows probe cannot reach", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Activities");
    const top = 1_048_576 - 3;
    fake.setValues(sheet, top, 0, [
      ACTIVITY_HEADERS,
      ...[aRow({ "Internal ID": "B-1" }), aRow({ "Internal ID": "B-2", City: "" })].map((r) =>
        ACTIVITY_HEADERS.map((h) => r[h] ?? "")
      ),
    ]);
    fake.addTable("Activities", sheet, `A${String(top + 1)}:AA${String(top + 3)}`);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows.map((r) => [r.row, r.passes])).toEqual([
      [top + 2, true],
      [top + 3, false],
    ]);
  });

  it("does not take a table's total row for an activity", async () => {
    const fake = new FakeExcel();
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow(),
      aRow({ "Internal ID": "", Title: "Total", Format: "", Credits: 52, Status: "" }),
    ]);
    const table = fake.tables.find((t) => t.sheet === sheet);
    if (table === undefined) throw new Error("no table");
    table.totals = true;
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows.map((r) => [r.row, r.passes])).toEqual([[2, true]]);
    expect(resultOf(pass).issues).toEqual([]);
    expect(marksOf(fake)).toEqual([]);
  });

  it("reads dates in a workbook using the 1904 date system", async () => {
    const fake = new FakeExcel();
    fake.dateSystem = 1904;
    // An Active series from 1 Jul 2025 to 30 Jun 2026, as 1904-system serials (1,462 days less
    // than in the 1900 system). Read as 1900 serials it would have ended in 2022.
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ Status: "Active", "Start Date": 45839 - 1462, "End Date": 46203 - 1462 }),
    ]);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows).toMatchObject([{ achievedStatus: "Active", passes: true }]);
    fake.dateSystem = 1900;
    const misread = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(misread).rows[0]).toMatchObject({ ended: true, heldTo: "Ready to Close" });
  });

  it("reports a workbook without an Activities table and clears stale marks", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    fake.sheet("Activities").name = "Old";
    fake.tables.find((t) => t.name === "Activities")!.name = "Old";
    fake.sheet("Old").rows[0] = ["Nothing", "here"];
    const pass = await gateway.check({ today: TODAY });
    expect(pass.outcome).toEqual({ ok: false, problem: "no_activities_table" });
    expect(marksOf(fake, "Old")).toEqual([]);
  });

  it("does not mark when Excel lacks RangeAreas, and says nothing was marked", async () => {
    const fake = smallWorkbook();
    const pass = await gatewayOf(fake, { ...ALL, highlight: false }).check({ today: TODAY });
    expect(pass.marks).toBeNull();
    expect(fake.count("ConditionalFormatCollection.add")).toBe(0);
  });

  it("keeps the findings of a protected sheet, explaining why it is not marked", async () => {
    const fake = smallWorkbook();
    fake.sheet("Activities").locked = true;
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(pass.outcome.ok && pass.outcome.result.summary.failing).toBe(1);
    expect(pass.marks).toBeNull();
    expect(pass.markProblem).toBeInstanceOf(ExcelAccessError);
    expect(pass.markProblem).toMatchObject({ problem: "locked", code: "AccessDenied" });
    expect(pass.markProblem?.remedy).toMatch(/Unprotect/);
    expect(fake.sheet("Activities").conditionalFormats).toEqual([]);
  });

  it("stops a cancelled check before it changes anything", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    const before = fake.sheet("Activities").conditionalFormats.length;
    const error = await gateway
      .check({ today: "2025-12-31" }, undefined, () => true)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckCancelled);
    expect(fake.sheet("Activities").conditionalFormats).toHaveLength(before);
  });

  it("leaves the old marks whole when Excel refuses the new ones part way", async () => {
    const fake = smallWorkbook();
    // A Support row naming no activity: Support gets marks of its own, added after Activities'.
    fake.setValues(fake.sheet("Support"), 1, 0, [["NOPE"]]);
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    expect(fake.sheet("Support").conditionalFormats.length).toBeGreaterThan(0);
    const before = fake.sheet("Activities").conditionalFormats.map((cf) => [cf.formula, cf.fill]);
    expect(before.length).toBeGreaterThan(0);
    // Protected now: the next pass fails after Activities' new marks are added.
    fake.sheet("Support").locked = true;
    const pass = await gateway.check({ today: "2025-12-31" });
    expect(pass.markProblem).toMatchObject({ problem: "locked" });
    expect(fake.sheet("Activities").conditionalFormats.map((cf) => [cf.formula, cf.fill])).toEqual(
      before
    );
  });

  it.each([
    [10_000, 4],
    [100_000, 4],
  ])(
    "checks and highlights %i rows in a fixed number of round trips plus one per payload chunk",
    async (count) => {
      const fake = bigWorkbook(count);
      const pass = await gatewayOf(fake).check({ today: TODAY });
      const result = resultOf(pass);
      expect(result.rows).toHaveLength(count);
      expect(result.summary.failing).toBe(Math.ceil(count / 7));
      const chunks = Math.ceil(tableBytes(fake) / SYNC_BYTES);
      // list, size (with the first rows), marks; one more if the first rows under-estimate the size.
      expect(fake.syncs).toBeLessThanOrEqual(3 + chunks + 1);
      if (count === 10_000) expect(fake.syncs).toBeLessThanOrEqual(4);
      expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(pass.marks).toEqual({
        rows: Math.ceil(count / 7),
        errorCells: Math.ceil(count / 7),
        warningCells: Math.ceil(count / 11),
      });
      const painted = fake
        .sheet("Activities")
        .conditionalFormats.filter((cf) => cf.formula?.includes("mark: row"))
        .flatMap((cf) => cf.areas);
      expect(painted.reduce((n, a) => n + a.nr, 0)).toBe(Math.ceil(count / 7));
    },
    60_000
  );

  it("reads a sheet without an Excel table in chunks too", async () => {
    const fake = new FakeExcel();
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      aRow({ "Internal ID": `S-${String(i)}`, City: i % 7 === 0 ? "" : "Chicago" })
    );
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, rows, null);
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).summary.failing).toBe(Math.ceil(10_000 / 7));
    // Without a table there is no probe: the first chunk is sized on an assumed cell size.
    const bytes = JSON.stringify(
      fake.valuesOf(fake.sheet("Activities"), fake.usedArea(fake.sheet("Activities"))!)
    ).length;
    expect(fake.syncs).toBeLessThanOrEqual(3 + Math.ceil(bytes / SYNC_BYTES) + 1);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fake.refusals).toBe(0);
  });

  it("reads tables too wide for one response in smaller chunks", async () => {
    const fake = new FakeExcel();
    const long = "x".repeat(3000);
    addTableSheet(
      fake,
      "Activities",
      ACTIVITY_HEADERS,
      Array.from({ length: 3000 }, (_, i) =>
        aRow({ "Internal ID": `L-${String(i)}`, Description: long.slice(0, 2400) + String(i) })
      )
    );
    const pass = await gatewayOf(fake).check({ today: TODAY });
    expect(resultOf(pass).rows).toHaveLength(3000);
    // The first rows came back too large once; every later read fitted.
    expect(fake.refusals).toBe(1);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });
});

describe("navigate", () => {
  it("selects the cell a finding names and shows its sheet", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    await gateway.select({ table: "Activities", sheet: "Activities", row: 3, column: "Credits" });
    expect(fake.selected).toEqual({ sheet: "Activities", address: "M3" });
    expect(fake.activeSheet).toBe("Activities");
  });

  it("says the sheet is gone when it was deleted since the check", async () => {
    const fake = smallWorkbook();
    const gateway = gatewayOf(fake);
    await gateway.check({ today: TODAY });
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet("Support")), 1);
    await expect(
      gateway.select({ table: "Support", sheet: "Support", row: 2, column: "Source" })
    ).rejects.toMatchObject({ problem: "table_gone" });
  });
});

describe("live re-check", () => {
  const watched = async (fake: FakeExcel) => {
    const gateway = gatewayOf(fake);
    const changes: SheetChange[] = [];
    const stop = await gateway.watch((c) => changes.push(c));
    return { gateway, changes, stop };
  };

  it("re-reads only the edited rows and refreshes marks and findings", async () => {
    const fake = bigWorkbook(10_000);
    const { gateway, changes } = await watched(fake);
    await gateway.check({ today: TODAY });
    const syncs = fake.syncs;
    const reads = fake.count("Range.load");

    // Row 2 is the first grand-rounds row, which lacks its City; fix it.
    await fake.userEdit("Activities", "J2", [["Chicago"]]);
    expect(changes).toEqual([
      { sheetId: fake.sheet("Activities").id, address: "J2", changeType: "RangeEdited" },
    ]);
    const pass = (await gateway.recheck(changes))!;
    expect(pass.rowsRead).toBe(1);
    expect(fake.syncs - syncs).toBe(2);
    expect(fake.count("Range.load") - reads).toBe(1);
    const result = resultOf(pass);
    expect(result.rows.find((r) => r.row === 2)?.passes).toBe(true);
    expect(result.summary.failing).toBe(Math.ceil(10_000 / 7) - 1);
    const rowMarks = marksOf(fake)
      .filter((m) => m.kind === "row")
      .flatMap((m) => m.areas);
    expect(rowMarks).not.toContain("A2:AA2");
    expect(rowMarks).toContain("A9:AA9");
  });

  it("follows a sheet renamed since the check", async () => {
    const fake = smallWorkbook();
    const { gateway, changes } = await watched(fake);
    await gateway.check({ today: TODAY });
    fake.sheet("Activities").name = "FY25";
    await fake.userEdit("FY25", "J3", [["Chicago"]]);
    const pass = (await gateway.recheck(changes))!;
    expect(pass.marks).toEqual({ rows: 1, errorCells: 1, warningCells: 1 });
    expect(marksOf(fake, "FY25")).toHaveLength(3);
    await gateway.select({ table: "Activities", sheet: "Activities", row: 3, column: "Credits" });
    expect(fake.selected).toEqual({ sheet: "FY25", address: "M3" });
  });

  it("reads everything again when rows are inserted, and ignores edits elsewhere", async () => {
    const fake = smallWorkbook();
    fake.addSheet("Scratch");
    const { gateway } = await watched(fake);
    await gateway.check({ today: TODAY });
    const other: SheetChange = {
      sheetId: fake.sheet("Scratch").id,
      address: "A1",
      changeType: "RangeEdited",
    };
    expect(await gateway.recheck([other])).toBeNull();
    const inserted: SheetChange = {
      sheetId: fake.sheet("Activities").id,
      address: "3:3",
      changeType: "RowInserted",
    };
    const pass = (await gateway.recheck([inserted]))!;
    // Activities' header and three rows, Support's header and one row.
    expect(pass.rowsRead).toBe(6);
  });

  it("keeps marks cleared until the next check", async () => {
    const fake = smallWorkbook();
    const { gateway, changes } = await watched(fake);
    await gateway.check({ today: TODAY });
    await gateway.clearHighlights();
    await fake.userEdit("Activities", "C2", [["Renamed"]]);
    const pass = (await gateway.recheck(changes))!;
    expect(pass.marks).toBeNull();
    const inserted: SheetChange = {
      sheetId: fake.sheet("Activities").id,
      address: "3:3",
      changeType: "RowInserted",
    };
    expect((await gateway.recheck([inserted]))!.marks).toBeNull();
    expect(fake.count("ConditionalFormatCollection.add")).toBe(3);
    expect(marksOf(fake)).toEqual([]);
    await gateway.check({ today: TODAY });
    expect(marksOf(fake)).toHaveLength(3);
  });

  it("does not take its own writes for edits, and stops listening when asked", async () => {
    const fake = smallWorkbook();
    const { gateway, changes, stop } = await watched(fake);
    await gateway.insertTables({ example: true });
    expect(changes).toEqual([]);
    expect(fake.enableEvents).toBe(true);
    await stop();
    await fake.userEdit("Activities", "C2", [["Renamed"]]);
    expect(changes).toEqual([]);
    expect(fake.handlers).toHaveLength(0);
  });
});

describe("insert PARS tables", () => {
  it("adds the tables on new sheets with headers, dropdowns, widths and a frozen header", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const made = await gatewayOf(fake).insertTables({ example: false });
    expect(made).toEqual({
      sheets: [
        "Activities",
        "Support",
        "MOC",
        "Sessions",
        "Learner Counts",
        "Learners",
        "PARS Lists",
      ],
      tables: ["Activities", "Support", "MOC", "Sessions", "LearnerCounts", "Learners"],
    });
    const activities = fake.sheet("Activities");
    expect(activities.rows[0]).toEqual(ACTIVITY_HEADERS);
    expect(activities.frozenRows).toBe(1);
    expect(activities.widths.size).toBe(ACTIVITY_HEADERS.length);
    const statusColumn = ACTIVITY_HEADERS.indexOf("Status");
    const status = activities.validations.find((v) => v.area.c0 === statusColumn)!;
    const source = (status.rule as { list: { source: string } }).list.source;
    // Legacy spellings stay typeable: the alert informs instead of refusing.
    expect(status.errorAlert).toMatchObject({ showAlert: true, style: "Information" });
    const lists = fake.sheet("PARS Lists");
    expect(lists.visibility).toBe("Hidden");
    const listArea = parseAddress(source.slice(source.indexOf("!") + 1));
    expect(fake.valuesOf(lists, listArea).flat()).toEqual([
      "Draft",
      "Active",
      "Ready to Close",
      "Closed",
      "Cancelled",
    ]);
    expect(fake.sheet("MOC").validations).toHaveLength(3);
    // Learners: dropdowns for license state, board, MOC credit type and action.
    expect(fake.sheet("Learners").validations).toHaveLength(4);
    expect(fake.activeSheet).toBe("Activities");
  });

  it("resolves name clashes without touching existing sheets, and its example row checks as Closed", async () => {
    const fake = new FakeExcel();
    const mine = fake.addSheet("Activities");
    fake.setValues(mine, 0, 0, [
      ["my", "own"],
      ["data", 1],
    ]);
    fake.addTable("Support", mine, "A1:B2");
    const before = JSON.stringify(fake.snapshot());
    const gateway = gatewayOf(fake);
    const made = await gateway.insertTables({ example: true });
    expect(made.sheets).toEqual([
      "Activities (2)",
      "Support",
      "MOC",
      "Sessions",
      "Learner Counts",
      "Learners",
      "PARS Lists",
    ]);
    expect(made.tables).toEqual([
      "Activities",
      "Support2",
      "MOC",
      "Sessions",
      "LearnerCounts",
      "Learners",
    ]);
    expect(JSON.stringify((JSON.parse(before) as unknown[])[0])).toBe(
      JSON.stringify((fake.snapshot() as unknown[])[0])
    );
    const pass = await gateway.check({ today: TODAY });
    expect(resultOf(pass).rows).toMatchObject([
      {
        sheet: "Activities (2)",
        row: 2,
        declaredStatus: "Closed",
        achievedStatus: "Closed",
        passes: true,
      },
    ]);
  });

  it("writes the example's dates in the workbook's own date system", async () => {
    const fake = new FakeExcel();
    fake.dateSystem = 1904;
    const gateway = gatewayOf(fake);
    await gateway.insertTables({ example: true });
    const row = fake.sheet("Activities").rows[1]!;
    expect(row[ACTIVITY_HEADERS.indexOf("Start Date")]).toBe(45474 - 1462);
    const pass = await gateway.check({ today: TODAY });
    expect(resultOf(pass).rows).toMatchObject([{ achievedStatus: "Closed", passes: true }]);
  });

  it("is refused with an explanation when Excel lacks data validation", async () => {
    const fake = new FakeExcel();
    await expect(
      gatewayOf(fake, { ...ALL, insertTables: false }).insertTables({ example: false })
    ).rejects.toMatchObject({ problem: "api_missing" });
    expect(fake.sheets).toHaveLength(0);
  });
});
