import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ACTIVITY_HEADERS } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet, bigWorkbook, smallWorkbook } from "../support/fakeWorkbooks";
import { ALL_CAPABILITIES, memorySettings, renderPane } from "../support/renderPane";

const checkButton = () => screen.getByRole("button", { name: "Check" });
const findings = () => screen.getByRole("list", { name: "Findings" });

async function checkNow() {
  await userEvent.click(checkButton());
  await screen.findByRole("heading", { name: "At a glance" });
}

describe("check", () => {
  it("checks the workbook and shows the state at a glance", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    expect(screen.getByText("1 of 3 activities fail their declared status.")).toBeTruthy();
    expect(screen.getByText("3 activities")).toBeTruthy();
    expect(screen.getByText("1 failing their status")).toBeTruthy();
    expect(screen.getByText("2 errors")).toBeTruthy();
    expect(screen.getByText("1 warning")).toBeTruthy();
    const bars = screen.getByRole("list", { name: "Rows by the status their data supports" });
    expect(
      within(bars)
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("aria-label"))
    ).toEqual(["Incomplete: 0", "Draft: 1", "Active: 0", "Ready to Close: 0", "Closed: 2"]);
    expect(
      screen.getByText(/Marked 1 failing row, 2 cells at fault and 1 with warnings/)
    ).toBeTruthy();
  });

  it("lists findings by row with declared and achieved status side by side", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    const row3 = within(findings()).getByRole("heading", {
      name: "Row 3 · A-2 · Internal Medicine Grand Rounds",
    }).parentElement!;
    expect(within(row3).getByText("Declared: Closed")).toBeTruthy();
    expect(within(row3).getByText("Achieved: Draft")).toBeTruthy();
    expect(within(row3).getByText("Fails its status")).toBeTruthy();
    expect(
      within(row3)
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual([expect.stringMatching(/^Error City: /), expect.stringMatching(/^Error Credits: /)]);
  });

  it("filters by severity and by status", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "warning");
    expect(
      within(findings())
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual([expect.stringMatching(/^Warning Country: /)]);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "all");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "failing");
    expect(
      within(findings())
        .getAllByRole("heading")
        .map((h) => h.textContent)
    ).toEqual(["Row 3 · A-2 · Internal Medicine Grand Rounds"]);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Active");
    expect(screen.getByText("No findings match.")).toBeTruthy();
  });

  it("selects a finding's cell in the sheet", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await userEvent.click(within(findings()).getByRole("button", { name: /^Error Credits:/ }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "M3" }));
  });

  it("goes to a finding from the keyboard", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    within(findings())
      .getByRole("button", { name: /^Warning Country:/ })
      .focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "L4" }));
  });

  it("lists a long result a page at a time", async () => {
    renderPane(bigWorkbook(700));
    await userEvent.click(checkButton());
    // 100 rows fail (every 7th); 54 more carry only a warning (every 11th, less every 77th).
    // Text queries here: role queries compute styles for every node, slow on a long list.
    expect(await screen.findByText("154 rows with findings")).toBeTruthy();
    const headings = () => document.querySelectorAll("#findings-heading ~ ul h3");
    expect(headings()).toHaveLength(100);
    await userEvent.click(screen.getByText("Show more (54 rows left)"));
    expect(headings()).toHaveLength(154);
  });

  it("clears the marks, leaving the findings listed", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await userEvent.click(screen.getByRole("button", { name: "Clear highlights" }));
    await screen.findByText(/The sheet is not marked\./);
    expect(fake.sheet("Activities").conditionalFormats).toEqual([]);
    expect(within(findings()).getAllByRole("heading")).toHaveLength(2);
  });

  it("clears marks left by an earlier session without checking first", async () => {
    const fake = smallWorkbook();
    const sheet = fake.sheet("Activities");
    fake.addUserConditionalFormat(sheet, "A3:AA3", {
      type: "Custom",
      formula: '=ISTEXT("PARS Ready mark: row")',
    });
    fake.addUserConditionalFormat(sheet, "B2", { type: "Custom", formula: "=TRUE" });
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Clear highlights" }));
    await waitFor(() => expect(sheet.conditionalFormats).toHaveLength(1));
    expect(sheet.conditionalFormats[0]?.formula).toBe("=TRUE");
  });

  it("shows progress while a check runs", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    renderPane(smallWorkbook(), {
      workbook: (g) => ({
        capabilities: g.capabilities,
        check: async (options, onProgress) => {
          onProgress?.({ phase: "reading", done: 2000, total: 10000 });
          await gate;
          return g.check(options);
        },
        recheck: (c) => g.recheck(c),
        clearHighlights: () => g.clearHighlights(),
        select: (p) => g.select(p),
        watch: (l) => g.watch(l),
        insertTables: (o) => g.insertTables(o),
        selectedActivityRows: () => g.selectedActivityRows(),
        loggedExports: () => g.loggedExports(),
        recordExport: (e, s) => g.recordExport(e, s),
      }),
    });
    await userEvent.click(checkButton());
    expect(await screen.findByText("Reading rows: 2,000 of 10,000")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(checkButton()).toHaveProperty("disabled", true);
    await act(async () => {
      release();
      await gate;
    });
    await screen.findByRole("heading", { name: "At a glance" });
  });

  it("re-checks live after an edit, without pressing Check", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await screen.findByText(/Live: edits to the tables are re-checked/);
    await act(() => fake.userEdit("Activities", "J3", [["Chicago"]]));
    await waitFor(() =>
      expect(within(findings()).getAllByRole("button", { name: /^Error/ })).toHaveLength(1)
    );
    expect(screen.getByText("1 error")).toBeTruthy();
  });
});

describe("errors", () => {
  it("says what happened and what to do when a sheet is protected", async () => {
    const fake = smallWorkbook();
    fake.sheet("Activities").locked = true;
    renderPane(fake);
    await userEvent.click(checkButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/protected/);
    expect(alert.textContent).toMatch(/Unprotect the sheet/);
  });

  it("keeps the last result on show when a finding's sheet has gone", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    fake.sheets.splice(0, 1);
    await userEvent.click(within(findings()).getByRole("button", { name: /^Error Credits:/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/no longer there/);
    expect(alert.textContent).toMatch(/Run Check again/);
    expect(screen.getByRole("heading", { name: "At a glance" })).toBeTruthy();
  });

  it("says when there is no Activities table", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await userEvent.click(checkButton());
    expect(await screen.findByText("No Activities table found.")).toBeTruthy();
  });

  it("turns off what this Excel cannot do, saying why", () => {
    renderPane(smallWorkbook(), {
      capabilities: { ...ALL_CAPABILITIES, highlight: false, insertTables: false, live: false },
    });
    expect(screen.getByText(/Marking the sheet needs a newer Excel/)).toBeTruthy();
    expect(screen.getByText(/Inserting PARS tables needs a newer Excel/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear highlights" })).toHaveProperty(
      "disabled",
      true
    );
    expect(screen.getByRole("button", { name: "Insert PARS tables" })).toHaveProperty(
      "disabled",
      true
    );
    expect(checkButton()).toHaveProperty("disabled", false);
  });

  it("offers nothing but the explanation where Excel cannot even be read", () => {
    renderPane(smallWorkbook(), {
      capabilities: { check: false, highlight: false, insertTables: false, live: false },
    });
    expect(screen.getByText(/Checking needs a newer Excel/)).toBeTruthy();
    expect(checkButton()).toHaveProperty("disabled", true);
  });
});

describe("settings", () => {
  it("validates the provider ID and saves settings in the workbook", async () => {
    const settings = memorySettings();
    renderPane(smallWorkbook(), { settings });
    const id = screen.getByRole("textbox", { name: /ACCME provider ID/ });
    const save = screen.getByRole("button", { name: "Save settings" });
    await userEvent.type(id, "12345");
    expect(screen.getByText(/Enter the seven digits ACCME assigned/)).toBeTruthy();
    expect(save).toHaveProperty("disabled", true);
    await userEvent.type(id, "67");
    await userEvent.click(save);
    expect(await screen.findByText("Saved in this workbook.")).toBeTruthy();
    expect(settings.saved).toEqual([{ providerId: "1234567", asOf: null }]);
  });

  it("saves a check-as-of date, and an empty one means today", async () => {
    const settings = memorySettings();
    renderPane(smallWorkbook(), { settings });
    const asOf = screen.getByLabelText(/Check as of/);
    await userEvent.type(asOf, "2025-03-31");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Saved in this workbook.");
    await userEvent.clear(asOf);
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(settings.saved).toHaveLength(2));
    expect(settings.saved).toEqual([
      { providerId: "", asOf: "2025-03-31" },
      { providerId: "", asOf: null },
    ]);
  });

  it("checks as of the saved date", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      {
        Title: "Future",
        Format: "RSS",
        "Start Date": "07/01/2024",
        "End Date": "06/30/2025",
        Status: "Draft",
      },
    ]);
    renderPane(fake, { settings: memorySettings({ providerId: "", asOf: "2024-08-01" }) });
    await checkNow();
    expect(screen.getByText(/Checked as of 2024-08-01/)).toBeTruthy();
    const bars = screen.getByRole("list", { name: "Rows by the status their data supports" });
    expect(within(bars).getByLabelText("Draft: 1")).toBeTruthy();
  });
});

describe("insert PARS tables", () => {
  it("adds the tables and says where", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    expect(
      await screen.findByText(
        "Added sheets Activities, Support, MOC, Sessions, Learner Counts, Learners, PARS Lists. Fill them in, then press Check."
      )
    ).toBeTruthy();
    expect(fake.sheet("Activities").rows[1]?.[0]).toBe("IMGR-2024");
  });

  it("says which tables Check will read when names were taken", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    expect(
      await screen.findByText(
        /the new tables are Activities2, Support2; Check reads the tables already named Activities, Support\./
      )
    ).toBeTruthy();
  });

  it("leaves the example out when asked", async () => {
    const fake = new FakeExcel();
    renderPane(fake);
    await userEvent.click(screen.getByRole("checkbox", { name: /grand-rounds series/ }));
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    await screen.findByText(/Added sheets/);
    expect(fake.sheet("Activities").rows[1]?.every((c) => c === "")).toBe(true);
  });

  it("explains a protected workbook, and leaves events on", async () => {
    const fake = new FakeExcel();
    fake.structureLocked = true;
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/protected/);
    expect(alert.textContent).toMatch(/Unprotect/);
    expect(fake.sheets).toEqual([]);
    expect(fake.enableEvents).toBe(true);
  });
});
