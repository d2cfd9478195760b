import { proposeFixes, type Fix } from "../../src/core";
import { FIXES_LOG_HEADERS, FIXES_SHEET } from "../../src/excel/applyFixes";
import type { Capabilities } from "../../src/excel/capabilities";
import { WorkbookGateway, type CheckPass } from "../../src/excel/WorkbookGateway";
import { ACTIVITY_HEADERS, aRow, TODAY } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet } from "../support/fakeWorkbooks";

const ALL_CAPABILITIES: Capabilities = {
  check: true,
  highlight: true,
  live: true,
  insertTables: true,
};
const STATE = ACTIVITY_HEADERS.indexOf("State");
const CREDITS = ACTIVITY_HEADERS.indexOf("Credits");
const SUPPORT = ACTIVITY_HEADERS.indexOf("Commercial Support");
const MOC = ACTIVITY_HEADERS.indexOf("MOC");
const col = (i: number) => String.fromCharCode(65 + i);

const fixesOf = (pass: CheckPass): Fix[] => {
  if (!pass.outcome.ok) throw new Error("no Activities table");
  return proposeFixes(pass.outcome.result);
};

/** Activities with `n` rows spelling the state out, and a Notes sheet the fixes must not touch. */
function workbook(n: number) {
  const fake = new FakeExcel();
  const rows = Array.from({ length: n }, (_, i) =>
    aRow({ "Internal ID": `A-${String(i + 1)}`, State: "Illinois" })
  );
  const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, rows);
  const notes = fake.addSheet("Notes");
  fake.setValues(notes, 0, 0, [["Illinois", 7]]);
  return { fake, sheet, gateway: new WorkbookGateway(fake.run, ALL_CAPABILITIES, async () => {}) };
}

/** Every sheet but the log, as the workbook holds it. */
const cellsOf = (fake: FakeExcel) =>
  JSON.stringify((fake.snapshot() as { name: string }[]).filter((s) => s.name !== FIXES_SHEET));

describe("applying fixes", () => {
  it("writes the certain value and logs the old one on the PARS Fixes sheet", async () => {
    const { fake, sheet, gateway } = workbook(2);
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    const done = await gateway.applyFixes(fixes, "12/01/2026 9:30 AM");
    expect(done.batch).toBe(1);
    expect(done.applied.map((t) => t.address)).toEqual([`${col(STATE)}2`, `${col(STATE)}3`]);
    expect(sheet.rows[1]?.[STATE]).toBe("IL");
    expect(sheet.rows[2]?.[STATE]).toBe("IL");
    const log = fake.sheet(FIXES_SHEET);
    expect(log.rows[0]).toEqual([...FIXES_LOG_HEADERS]);
    expect(log.rows[1]).toEqual([
      1,
      "12/01/2026 9:30 AM",
      "Activities",
      sheet.id,
      `${col(STATE)}2`,
      "Illinois",
      "text",
      "IL",
      'PARS reads "Illinois" as IL; write it as PARS expects.',
      "",
      "General",
    ]);
    expect(log.rows).toHaveLength(3);
    // The log's cells are text, so an old value is kept as it was written.
    expect(log.numberFormats.get("1,5")).toBe("@");
    expect(fake.sheet("Notes").rows[0]).toEqual(["Illinois", 7]);
  });

  it("never writes a formula cell, and says it skipped it", async () => {
    const { fake, sheet, gateway } = workbook(2);
    fake.setFormula(sheet, 2, STATE, '=IF(TRUE,"Illinois")', "Illinois");
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    expect(fixes).toHaveLength(2);
    const done = await gateway.applyFixes(fixes, "t");
    expect(done.skipped).toEqual([{ fix: fixes[1], address: `${col(STATE)}3`, reason: "formula" }]);
    expect(sheet.formulas.get(`2,${String(STATE)}`)).toBe('=IF(TRUE,"Illinois")');
    expect(sheet.rows[2]?.[STATE]).toBe("Illinois");
    expect(fake.sheet(FIXES_SHEET).rows).toHaveLength(2);
  });

  it("skips a cell edited since the check", async () => {
    const { sheet, gateway } = workbook(1);
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    sheet.rows[1]![STATE] = "Indiana";
    const done = await gateway.applyFixes(fixes, "t");
    expect(done.batch).toBeNull();
    expect(done.skipped.map((s) => s.reason)).toEqual(["changed"]);
    expect(sheet.rows[1]?.[STATE]).toBe("Indiana");
  });

  it("takes the same round trips for 3 cells as for 300", async () => {
    const syncs = async (n: number) => {
      const { fake, gateway } = workbook(n);
      const fixes = fixesOf(await gateway.check({ today: TODAY }));
      expect(fixes).toHaveLength(n);
      const before = fake.syncs;
      await gateway.applyFixes(fixes, "t");
      const applying = fake.syncs - before;
      await gateway.applyFixes([], "t");
      const again = fake.syncs;
      await gateway.undoLastFixes("u");
      return [applying, fake.syncs - again];
    };
    const small = await syncs(3);
    expect(await syncs(300)).toEqual(small);
    expect(small[0]).toBeLessThanOrEqual(2);
    expect(small[1]).toBeLessThanOrEqual(4);
  });
});

describe("undoing fixes", () => {
  it("gives every cell back exactly what it held, a number as a number", async () => {
    const { fake, sheet, gateway } = workbook(3);
    const pass = await gateway.check({ today: TODAY });
    const before = cellsOf(fake);
    // A hand-made fix on a number cell: undo must give back 52, not "52".
    const credits: Fix = {
      kind: "code",
      table: "Activities",
      sheet: "Activities",
      row: 2,
      column: "Credits",
      old: "52",
      new: "52.5",
      why: "test",
    };
    await gateway.applyFixes([...fixesOf(pass), credits], "t");
    // Written as Excel takes typing: the text 52.5 becomes a number.
    expect(sheet.rows[1]?.[CREDITS]).toBe(52.5);
    const undone = await gateway.undoLastFixes("12/01/2026 9:31 AM");
    expect(undone).toEqual({ batch: 1, restored: 4, kept: [], left: 0 });
    expect(sheet.rows[1]?.[CREDITS]).toBe(52);
    expect(cellsOf(fake)).toBe(before);
    const log = fake.sheet(FIXES_SHEET).rows;
    expect(log.slice(1).map((r) => r[9])).toEqual(
      Array.from({ length: 4 }, () => "Undone 12/01/2026 9:31 AM")
    );
    // Nothing left to undo: a second undo changes nothing.
    expect(await gateway.undoLastFixes("later")).toEqual({
      batch: null,
      restored: 0,
      kept: [],
      left: 0,
    });
    expect(cellsOf(fake)).toBe(before);
  });

  it("writes Yes/No variants as Yes or No and undo gives back the text and the number", async () => {
    const fake = new FakeExcel();
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1", "Commercial Support": "n", MOC: 0 }),
      aRow({ "Internal ID": "A-2", "Commercial Support": false }),
    ]);
    const gateway = new WorkbookGateway(fake.run, ALL_CAPABILITIES, async () => {});
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    const before = cellsOf(fake);
    // The Excel boolean FALSE of A-2 is a value, not a spelling: no fix for it.
    expect(fixes.map((f) => [f.row, f.column, f.old, f.new])).toEqual([
      [2, "Commercial Support", "n", "No"],
      [2, "MOC", "0", "No"],
    ]);
    expect((await gateway.applyFixes(fixes, "t")).applied).toHaveLength(2);
    expect(sheet.rows[1]?.[SUPPORT]).toBe("No");
    expect(sheet.rows[1]?.[MOC]).toBe("No");
    expect(sheet.rows[2]?.[SUPPORT]).toBe(false);
    expect(await gateway.undoLastFixes("u")).toEqual({ batch: 1, restored: 2, kept: [], left: 0 });
    expect(sheet.rows[1]?.[MOC]).toBe(0);
    expect(cellsOf(fake)).toBe(before);
  });

  it("undoes the last batch first, and keeps a cell edited since the fix", async () => {
    const { sheet, gateway, fake } = workbook(2);
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    const [first, second] = fixes as [Fix, Fix];
    await gateway.applyFixes([first], "t1");
    await gateway.applyFixes([second], "t2");
    expect(fake.sheet(FIXES_SHEET).rows.map((r) => r[0])).toEqual(["Batch", 1, 2]);
    sheet.rows[2]![STATE] = "IN";
    const undone = await gateway.undoLastFixes("u");
    expect(undone).toEqual({
      batch: 2,
      restored: 0,
      kept: [`Activities!${col(STATE)}3`],
      left: 1,
    });
    expect(sheet.rows[2]?.[STATE]).toBe("IN");
    expect(fake.sheet(FIXES_SHEET).rows[2]?.[9]).toBe("Not undone u: the cell was changed since");
    expect(await gateway.undoLastFixes("v")).toEqual({ batch: 1, restored: 1, kept: [], left: 0 });
    expect(sheet.rows[1]?.[STATE]).toBe("Illinois");
  });

  it("reads a log begun before it kept number formats, and names the new column", async () => {
    const { fake, sheet, gateway } = workbook(2);
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    await gateway.applyFixes([fixes[0] as Fix], "t1");
    // The log as it was written before the Old format column: ten columns.
    const log = fake.sheet(FIXES_SHEET);
    log.rows = log.rows.map((r) => r.slice(0, 10));
    await gateway.applyFixes([fixes[1] as Fix], "t2");
    expect(log.rows[0]).toEqual([...FIXES_LOG_HEADERS]);
    expect(await gateway.undoLastFixes("u")).toEqual({ batch: 2, restored: 1, kept: [], left: 1 });
    expect(await gateway.undoLastFixes("v")).toEqual({ batch: 1, restored: 1, kept: [], left: 0 });
    expect(sheet.rows.slice(1).map((r) => r[STATE])).toEqual(["Illinois", "Illinois"]);
  });

  it("says there is nothing to undo in a workbook without a log", async () => {
    const { fake, gateway } = workbook(1);
    const before = JSON.stringify(fake.snapshot());
    expect(await gateway.undoLastFixes("u")).toEqual({
      batch: null,
      restored: 0,
      kept: [],
      left: 0,
    });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });
});

describe("fixes left to undo", () => {
  it("counts the batches not yet undone, none without a log, reading only", async () => {
    const { fake, gateway } = workbook(2);
    let syncs = fake.syncs;
    expect(await gateway.fixBatchesToUndo()).toBe(0);
    // No log sheet: listing the sheets is enough to know.
    expect(fake.syncs - syncs).toBe(1);
    const [first, second] = fixesOf(await gateway.check({ today: TODAY })) as [Fix, Fix];
    await gateway.applyFixes([first], "t1");
    await gateway.applyFixes([second], "t2");
    const before = JSON.stringify(fake.snapshot());
    syncs = fake.syncs;
    expect(await gateway.fixBatchesToUndo()).toBe(2);
    expect(fake.syncs - syncs).toBe(2);
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    await gateway.undoLastFixes("u");
    expect(await gateway.fixBatchesToUndo()).toBe(1);
    await gateway.undoLastFixes("v");
    expect(await gateway.fixBatchesToUndo()).toBe(0);
  });

  it("finds an earlier session's log under any case, and an empty one holds nothing", async () => {
    const { fake, sheet } = workbook(1);
    const log = fake.addSheet("pars fixes");
    fake.setValues(log, 0, 0, [
      [...FIXES_LOG_HEADERS],
      [1, "t", "Activities", sheet.id, "K2", "Illinois", "text", "IL", "why", "Undone u", "@"],
      [2, "t", "Activities", sheet.id, "K2", "Illinois", "text", "IL", "why", "", "@"],
      [2, "t", "Activities", sheet.id, "K3", "Illinois", "text", "IL", "why", "", "@"],
    ]);
    // A new adapter, as a pane opened on a workbook saved by an earlier session.
    const gateway = new WorkbookGateway(fake.run, ALL_CAPABILITIES, async () => {});
    expect(await gateway.fixBatchesToUndo()).toBe(1);
    log.rows = [];
    expect(await gateway.fixBatchesToUndo()).toBe(0);
  });
});

describe("a date typed as text", () => {
  const END = ACTIVITY_HEADERS.indexOf("End Date");
  const key = (row: number) => `${String(row)},${String(END)}`;

  /** End dates as text: in a Text-formatted cell, in a General one, a formula's, an unclear one. */
  function dated(system: 1900 | 1904 = 1900) {
    const fake = new FakeExcel();
    fake.dateSystem = system;
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1", "Start Date": 45474, "End Date": "2025-06-30" }),
      aRow({ "Internal ID": "A-2", "Start Date": 45474, "End Date": "03/15/2025" }),
      aRow({ "Internal ID": "A-3", "Start Date": 45474, "End Date": "03/15/2025" }),
      aRow({ "Internal ID": "A-4", "Start Date": 45474, "End Date": "03/04/2025" }),
    ]);
    if (system === 1904)
      for (const r of [1, 2, 3, 4])
        sheet.rows[r]![ACTIVITY_HEADERS.indexOf("Start Date")] = 45474 - 1462;
    sheet.numberFormats.set(key(1), "@");
    fake.setFormula(sheet, 3, END, '=TEXT(DATE(2025,3,15),"mm/dd/yyyy")', "03/15/2025");
    const gateway = new WorkbookGateway(fake.run, ALL_CAPABILITIES, async () => {});
    return { fake, sheet, gateway };
  }

  it("writes the day as a date cell, formatted MM/DD/YYYY, never a formula or an unclear day", async () => {
    const { fake, sheet, gateway } = dated();
    const pass = await gateway.check({ today: TODAY });
    const fixes = fixesOf(pass);
    expect(fixes.map((f) => [f.kind, f.row, f.old, f.new])).toEqual([
      ["date", 2, "2025-06-30", "06/30/2025"],
      ["date", 3, "03/15/2025", "03/15/2025"],
      ["date", 4, "03/15/2025", "03/15/2025"],
    ]);
    const done = await gateway.applyFixes(fixes, "t");
    expect(done.applied.map((t) => t.fix.row)).toEqual([2, 3]);
    expect(done.skipped.map((s) => [s.fix.row, s.reason])).toEqual([[4, "formula"]]);
    // 45838 is 06/30/2025 and 45731 03/15/2025 in the 1900 system.
    expect(sheet.rows[1]?.[END]).toBe(45838);
    expect(sheet.rows[2]?.[END]).toBe(45731);
    expect(sheet.numberFormats.get(key(1))).toBe("mm/dd/yyyy");
    expect(sheet.numberFormats.get(key(2))).toBe("mm/dd/yyyy");
    expect(sheet.formulas.get(key(3))).toMatch(/^=TEXT/);
    expect(sheet.rows[4]?.[END]).toBe("03/04/2025");
    const log = fake.sheet(FIXES_SHEET).rows;
    expect(log.slice(1).map((r) => [r[5], r[6], r[7], r[10]])).toEqual([
      ["2025-06-30", "text", "06/30/2025", "@"],
      ["03/15/2025", "text", "03/15/2025", "General"],
    ]);
    const again = await gateway.check({ today: TODAY });
    if (!again.outcome.ok) throw new Error("no Activities");
    expect(
      again.outcome.result.issues.filter((i) => i.code === "date_as_text").map((i) => i.row)
    ).toEqual([4, 5]);
  });

  it("undo gives each cell back its text and its number format, so the text stays text", async () => {
    const { fake, sheet, gateway } = dated();
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    const before = cellsOf(fake);
    await gateway.applyFixes(fixes, "t");
    expect(cellsOf(fake)).not.toBe(before);
    expect(await gateway.undoLastFixes("u")).toEqual({ batch: 1, restored: 2, kept: [], left: 0 });
    // A General cell given "03/15/2025" back would become a date again, as typing makes it.
    expect(sheet.rows[2]?.[END]).toBe("03/15/2025");
    expect(sheet.numberFormats.has(key(2))).toBe(false);
    expect(sheet.numberFormats.get(key(1))).toBe("@");
    expect(cellsOf(fake)).toBe(before);
  });

  it("keeps a fixed date edited since, and writes a 1904 workbook's own serial", async () => {
    const { sheet, gateway } = dated(1904);
    const fixes = fixesOf(await gateway.check({ today: TODAY }));
    await gateway.applyFixes(fixes, "t");
    expect(sheet.rows[1]?.[END]).toBe(45838 - 1462);
    sheet.rows[2]![END] = 45732 - 1462;
    const undone = await gateway.undoLastFixes("u");
    expect(undone.restored).toBe(1);
    expect(undone.kept).toEqual([`Activities!${col(END)}3`]);
    expect(sheet.rows[1]?.[END]).toBe("2025-06-30");
  });
});
