import { SUPPORT_HEADERS, TODAY } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet, bigWorkbook, smallWorkbook } from "../support/fakeWorkbooks";
import { ExcelAccessError } from "../../src/excel/excelErrors";
import {
  WorkbookGateway,
  type CheckProgress,
  type ExcelRun,
} from "../../src/excel/WorkbookGateway";
import type { Capabilities } from "../../src/excel/capabilities";

const ALL: Capabilities = { check: true, highlight: true, live: true, insertTables: true };

/** `Excel.run` over the fake that does `act` just before the `at`-th round trip of a batch. */
const interrupted =
  (fake: FakeExcel, at: number, act: () => void): ExcelRun =>
  (batch, context) =>
    fake.run(async (ctx) => {
      const sync = ctx.sync.bind(ctx);
      let n = 0;
      (ctx as { sync: () => Promise<void> }).sync = () => {
        n++;
        if (n === at) act();
        return sync();
      };
      return batch(ctx);
    }, context);

const deleteSheet = (fake: FakeExcel, name: string) => {
  const sheet = fake.sheet(name);
  fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
  const tables = fake.tables.filter((t) => t.sheet === sheet);
  for (const t of tables) fake.tables.splice(fake.tables.indexOf(t), 1);
};

async function failureOf(p: Promise<unknown>): Promise<ExcelAccessError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExcelAccessError) return e;
    throw e;
  }
  throw new Error("the check ended without an error");
}

describe("progress of a check", () => {
  it("counts the Activities rows read, not the other tables' rows", async () => {
    const fake = bigWorkbook(10_000);
    addTableSheet(
      fake,
      "Support",
      SUPPORT_HEADERS,
      Array.from({ length: 9_000 }, (_, i) => ({
        "Internal ID": `GR-${String(i + 1)}`,
        Source: "Acme",
        "Support Type": "Monetary",
        Amount: 100,
      }))
    );
    const seen: CheckProgress[] = [];
    await new WorkbookGateway(fake.run, ALL, () => Promise.resolve()).check({ today: TODAY }, (p) =>
      seen.push(p)
    );
    const reading = seen.flatMap((p) => (p.phase === "reading" ? [p] : []));
    expect(reading.length).toBeGreaterThan(1);
    expect(new Set(reading.map((p) => p.total))).toEqual(new Set([10_000]));
    expect(reading.map((p) => p.done)).toEqual(
      [...reading.map((p) => p.done)].sort((a, b) => a - b)
    );
    expect(reading[0]?.done).toBeLessThan(10_000);
    expect(reading.at(-1)?.done).toBe(10_000);
  });

  it("says 0 of 0 when there is no Activities table to count", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Notes", ["Note"], [{ Note: "x" }]);
    const seen: CheckProgress[] = [];
    await new WorkbookGateway(fake.run, ALL, () => Promise.resolve()).check({ today: TODAY }, (p) =>
      seen.push(p)
    );
    expect(seen.filter((p) => p.phase === "reading")).toEqual([
      { phase: "reading", done: 0, total: 0 },
    ]);
  });
});

describe("a sheet renamed or deleted while a check runs", () => {
  /** A checked and marked workbook, and what its marks look like. */
  const checked = async () => {
    const fake = smallWorkbook();
    await new WorkbookGateway(fake.run, ALL, () => Promise.resolve()).check({ today: TODAY });
    const marks = JSON.stringify(fake.snapshot());
    return { fake, marks };
  };

  it("names a sheet renamed during the read, and leaves the marks as they were", async () => {
    const { fake, marks } = await checked();
    const gateway = new WorkbookGateway(
      interrupted(fake, 2, () => {
        fake.sheet("Activities").name = "FY25";
      }),
      ALL,
      () => Promise.resolve()
    );
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Activities" was renamed "FY25" while the check ran.');
    expect(e.remedy).toMatch(/Run Check again/);
    expect(e.sheetChange).toEqual({ sheet: "Activities", now: "FY25" });
    fake.sheet("FY25").name = "Activities";
    expect(JSON.stringify(fake.snapshot())).toBe(marks);
  });

  it("names a sheet deleted during the read", async () => {
    const { fake } = await checked();
    const gateway = new WorkbookGateway(
      interrupted(fake, 2, () => deleteSheet(fake, "Support")),
      ALL,
      () => Promise.resolve()
    );
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Support" was deleted while the check ran.');
    expect(e.sheetChange).toEqual({ sheet: "Support", now: null });
  });

  it("names a sheet deleted during the read when nothing is marked", async () => {
    const fake = smallWorkbook();
    const gateway = new WorkbookGateway(
      interrupted(fake, 2, () => deleteSheet(fake, "Activities")),
      { ...ALL, highlight: false },
      () => Promise.resolve()
    );
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Activities" was deleted while the check ran.');
  });

  it("names the sheet being marked when it was deleted after the read", async () => {
    const { fake } = await checked();
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      deleteSheet(fake, "Activities");
      return Promise.resolve();
    });
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Activities" was deleted while the check ran.');
    expect(e.remedy).toBe(
      "Nothing was changed. Run Check again to check the workbook as it is now."
    );
  });

  it("names a sheet deleted after the read that gets no mark, and leaves the old marks whole", async () => {
    const { fake } = await checked();
    // Support gets no mark, so marking alone would never have touched it.
    expect(fake.sheet("Support").conditionalFormats).toEqual([]);
    const marks = fake.sheet("Activities").conditionalFormats.map((cf) => cf.id);
    expect(marks.length).toBeGreaterThan(0);
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      deleteSheet(fake, "Support");
      return Promise.resolve();
    });
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Support" was deleted while the check ran.');
    expect(e.remedy).toBe(
      "Nothing was changed. Run Check again to check the workbook as it is now."
    );
    expect(fake.sheet("Activities").conditionalFormats.map((cf) => cf.id)).toEqual(marks);
  });

  it("names a checked sheet renamed after the read, before any mark changes", async () => {
    const { fake, marks } = await checked();
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      fake.sheet("Activities").name = "Acts 2025";
      return Promise.resolve();
    });
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Activities" was renamed "Acts 2025" while the check ran.');
    expect(e.remedy).toBe(
      "Nothing was changed. Run Check again so the findings name the sheet as it is now."
    );
    expect(e.sheetChange).toEqual({ sheet: "Activities", now: "Acts 2025" });
    fake.sheet("Acts 2025").name = "Activities";
    expect(JSON.stringify(fake.snapshot())).toBe(marks);
  });

  it("names a checked sheet renamed after the read whose old name another sheet took", async () => {
    const { fake } = await checked();
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      fake.sheet("Support").name = "Support 2025";
      fake.addSheet("Support");
      return Promise.resolve();
    });
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Support" was renamed "Support 2025" while the check ran.');
    // The marks went by ID to the sheets checked, none to the new sheet of the old name.
    expect(fake.sheet("Support").conditionalFormats).toEqual([]);
  });

  it("checks again as usual once the renamed sheet is read under its new name", async () => {
    const { fake } = await checked();
    let renamed = false;
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      if (!renamed) fake.sheet("Activities").name = "Acts 2025";
      renamed = true;
      return Promise.resolve();
    });
    await failureOf(gateway.check({ today: TODAY }));
    const pass = await gateway.check({ today: TODAY });
    expect(pass.markProblem).toBeNull();
    expect(pass.layouts.find((l) => l.table === "Activities")?.sheet).toBe("Acts 2025");
    expect(fake.sheet("Acts 2025").conditionalFormats.length).toBeGreaterThan(0);
  });

  it("names a deleted sheet that held only old marks, before deleting any other old mark", async () => {
    const { fake } = await checked();
    const notes = fake.addSheet("Notes");
    fake.addUserConditionalFormat(notes, "A1", {
      type: "Custom",
      formula: '=ISTEXT("PARS Ready mark: row")',
    });
    const activities = () =>
      JSON.stringify((fake.snapshot() as { name: string }[]).find((x) => x.name === "Activities"));
    const before = activities();
    const gateway = new WorkbookGateway(fake.run, ALL, () => {
      deleteSheet(fake, "Notes");
      return Promise.resolve();
    });
    const e = await failureOf(gateway.check({ today: TODAY }));
    expect(e.message).toBe('The sheet "Notes" was deleted while the check ran.');
    expect(activities()).toBe(before);
  });

  it("ends a check in which nothing moved as usual", async () => {
    const { fake } = await checked();
    const gateway = new WorkbookGateway(
      interrupted(fake, 2, () => undefined),
      ALL,
      () => Promise.resolve()
    );
    await expect(gateway.check({ today: TODAY })).resolves.toMatchObject({ markProblem: null });
  });
});

describe("marks in the workbook", () => {
  it("counts the add-in's marks on every sheet, not the coordinator's formats, in two round trips", async () => {
    const fake = smallWorkbook();
    const mark = { type: "Custom", formula: '=ISTEXT("PARS Ready mark: row")' };
    fake.addUserConditionalFormat(fake.sheet("Activities"), "A3:AA3", mark);
    fake.addUserConditionalFormat(fake.sheet("Support"), "A2", mark);
    fake.addUserConditionalFormat(fake.sheet("Support"), "B2", {
      type: "Custom",
      formula: "=TRUE",
    });
    for (let i = 0; i < 20; i++) fake.addSheet(`Notes ${String(i)}`);
    const gateway = new WorkbookGateway(fake.run, ALL, () => Promise.resolve());
    const before = fake.syncs;
    expect(await gateway.marksInWorkbook()).toBe(2);
    expect(fake.syncs - before).toBe(2);
    await gateway.clearHighlights();
    expect(await gateway.marksInWorkbook()).toBe(0);
  });
});
