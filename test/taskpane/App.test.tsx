import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ACTIVITY_HEADERS, aRow } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import type { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { addTableSheet, bigWorkbook, smallWorkbook, yearWorkbook } from "../support/fakeWorkbooks";
import { ALL_CAPABILITIES, memorySettings, renderPane } from "../support/renderPane";

const checkButton = () => screen.getByRole("button", { name: "Check" });
// Label and text queries where a role query would scan every view's whole tree: much faster in
// jsdom, and the same element.
const findings = () => screen.getByLabelText("Findings", { selector: "ul" });

async function openView(name: string) {
  await userEvent.click(screen.getByRole("tab", { name }));
}

async function checkNow() {
  await userEvent.click(checkButton());
  await screen.findByRole("heading", { name: "At a glance" });
}

describe("check", () => {
  it("checks the workbook and shows the state at a glance", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    expect(screen.getByText("1 of 3 activities fail their declared status.")).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Counts" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(["3 activities", "1 failing their status", "2 errors", "1 warning"]);
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

  it("lists findings by cause, each kind once with its count, the chosen finding marked", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    const causes = within(findings()).getAllByRole("button", { expanded: false });
    expect(causes.map((b) => b.textContent)).toEqual([
      "▸ Required value missing 2 errors",
      "▸ Value read as its PARS code 1 warning",
    ]);
    await userEvent.click(causes[0]!);
    expect(within(findings()).getByText(/PARS needs these cells/)).toBeTruthy();
    const city = within(findings()).getByRole("button", { name: /^Error City:/ });
    expect(city.textContent).toMatch(/Row 3 · A-2 · Internal Medicine Grand Rounds$/);
    await userEvent.click(city);
    expect(city.getAttribute("aria-current")).toBe("true");
    expect(screen.getByText("Finding 1 of 3")).toBeTruthy();
  });

  it("lists findings by row with the row's statuses and what it still needs", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    const row3 = within(findings()).getByRole("button", {
      name: /^Row 3 · A-2 · Internal Medicine Grand Rounds/,
    }).parentElement!;
    expect(within(row3).getByText("Data supports Draft; declared Closed.")).toBeTruthy();
    expect(within(row3).getByText("Not ready for Closed: needs City, Credits.")).toBeTruthy();
    const lines = within(findings())
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^▾ Row 3 · A-2/),
      expect.stringMatching(/^Error City: /),
      expect.stringMatching(/^Error Credits: /),
      expect.stringMatching(/^▾ Row 4 · A-3/),
      expect.stringMatching(/^Warning Country: /),
    ]);
  });

  it("gives a row failing only for a missing column a group pointing to the header's finding", async () => {
    const fake = new FakeExcel();
    addTableSheet(
      fake,
      "Activities",
      ACTIVITY_HEADERS.filter((h) => h !== "Credits"),
      [aRow({ "Internal ID": "A-1" }), aRow({ "Internal ID": "A-2", City: "" })]
    );
    renderPane(fake);
    await checkNow();
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    const heads = within(findings())
      .getAllByRole("button", { expanded: true })
      .map((b) => b.textContent);
    expect(heads).toEqual([
      expect.stringMatching(/^▾ Activities columns/),
      expect.stringMatching(/^▾ Row 2 · A-1 · Internal Medicine Grand Rounds 1 error$/),
      expect.stringMatching(/^▾ Row 3 · A-2 · Internal Medicine Grand Rounds 2 errors$/),
    ]);
    // Row 2 has no finding of its own: its group says what it lacks and points to the header.
    const row2 = within(findings()).getByRole("button", { name: /^Row 2 · A-1/ }).parentElement!;
    expect(
      within(row2).getByText(
        "Not ready for Closed: needs Credits (no such column: see header row 1)."
      )
    ).toBeTruthy();
    const pointer = within(findings()).getAllByRole("button", {
      name: "Error Credits: The Activities table has no Credits column, which this row needs for Closed: see Activities columns, header row 1.",
    });
    // One line for each failing row, A-2's beside its own City finding.
    expect(pointer).toHaveLength(2);
    await userEvent.click(pointer[0]!);
    expect(pointer[0]!.getAttribute("aria-current")).toBe("true");
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "A1" }));
    // The pointers are not findings of their own: the header's and A-2's City are the two.
    expect(screen.getByText("2 findings")).toBeTruthy();
  });

  it("filters by severity, by status, and by words searched", async () => {
    renderPane(smallWorkbook());
    await checkNow();
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    await userEvent.click(screen.getByText("Filters", { selector: "button" }));
    await userEvent.selectOptions(screen.getByLabelText("Severity"), "warning");
    expect(
      within(findings())
        .getAllByRole("button", { name: /^(Error|Warning)/ })
        .map((b) => b.textContent)
    ).toEqual([expect.stringMatching(/^Warning Country: /)]);
    expect(screen.getByRole("button", { name: "Filters (1 on)" })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Severity"), "all");
    await userEvent.selectOptions(screen.getByLabelText("Status"), "failing");
    expect(
      within(findings())
        .getAllByRole("button", { expanded: true })
        .map((h) => h.textContent)
    ).toEqual([expect.stringMatching(/^▾ Row 3 · A-2 · Internal Medicine Grand Rounds/)]);
    await userEvent.selectOptions(screen.getByLabelText("Status"), "Active");
    expect(screen.getByText("No findings match.")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Status"), "all");
    await userEvent.type(screen.getByLabelText("Search findings"), "credits");
    await waitFor(() =>
      expect(
        within(findings())
          .getAllByRole("button", { name: /^(Error|Warning)/ })
          .map((b) => b.textContent)
      ).toEqual([expect.stringMatching(/^Error Credits: /)])
    );
  });

  it("selects a finding's cell in the sheet, and steps to the next and previous", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await userEvent.click(screen.getByText("Next", { selector: "button" }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "J3" }));
    expect(screen.getByText("Finding 1 of 3")).toBeTruthy();
    expect(screen.getByText("Previous", { selector: "button" })).toHaveProperty("disabled", true);
    await userEvent.click(screen.getByText("Next", { selector: "button" }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "M3" }));
    const chosen = within(findings()).getByRole("button", { current: true });
    expect(chosen.textContent).toMatch(/^Error Credits:/);
    await userEvent.click(screen.getByText("Next", { selector: "button" }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "L4" }));
    expect(screen.getByText("Next", { selector: "button" })).toHaveProperty("disabled", true);
    await userEvent.click(screen.getByText("Previous", { selector: "button" }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "M3" }));
  });

  it("is one tab stop, moved through with the arrow keys", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    const lines = within(findings()).getAllByRole("button");
    expect(lines.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    act(() => lines[0]!.focus());
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement?.textContent).toMatch(/^Error Credits:/);
    await userEvent.keyboard("{End}");
    expect(document.activeElement?.textContent).toMatch(/^Warning Country:/);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "L4" }));
    expect(
      within(findings())
        .getAllByRole("button")
        .map((b) => b.tabIndex)
    ).toEqual([-1, -1, -1, -1, 0]);
    await userEvent.keyboard("{Home}");
    expect(document.activeElement?.textContent).toMatch(/^▾ Row 3/);
  });

  it("lists a long result a page at a time", async () => {
    renderPane(bigWorkbook(700));
    await userEvent.click(checkButton());
    // 100 rows fail (every 7th); 54 more carry only a warning (every 11th, less every 77th).
    // Text queries here: role queries compute styles for every node, slow on a long list.
    expect(await screen.findByText("100 failing their status")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    const lines = () => document.querySelectorAll('[aria-label="Findings"] > li');
    expect(lines()).toHaveLength(60);
    // 154 rows, each a heading over its findings (164 of them): 318 lines.
    await userEvent.click(screen.getByText("Show more (258 lines left)"));
    expect(lines()).toHaveLength(120);
  });

  it("clears the marks, leaving the findings listed", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await userEvent.click(screen.getByRole("button", { name: "Clear highlights" }));
    await screen.findByText(/The sheet is not marked\./);
    expect(fake.sheet("Activities").conditionalFormats).toEqual([]);
    expect(within(findings()).getAllByRole("button")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Clear highlights" })).toHaveProperty(
      "disabled",
      true
    );
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
    const clear = screen.getByRole("button", { name: "Clear highlights" });
    await waitFor(() => expect(clear).toHaveProperty("disabled", false));
    await userEvent.click(clear);
    await waitFor(() => expect(sheet.conditionalFormats).toHaveLength(1));
    expect(sheet.conditionalFormats[0]?.formula).toBe("=TRUE");
    expect(clear).toHaveProperty("disabled", true);
  });

  it("keeps Clear highlights off while nothing is marked, before and after a clean check", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [aRow({ "Internal ID": "A-1" })]);
    // Only the coordinator's own conditional format: nothing of the add-in's to clear.
    fake.addUserConditionalFormat(fake.sheet("Activities"), "B2", {
      type: "Custom",
      formula: "=TRUE",
    });
    let probe: jest.SpiedFunction<WorkbookGateway["marksInWorkbook"]> | null = null;
    renderPane(fake, {
      workbook: (g) => {
        probe = jest.spyOn(g, "marksInWorkbook");
        return g;
      },
    });
    const clear = screen.getByRole("button", { name: "Clear highlights" });
    await act(async () => {
      await probe?.mock.results[0]?.value;
    });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(clear).toHaveProperty("disabled", true);
    await checkNow();
    expect(screen.getByRole("button", { name: "Clear highlights" })).toHaveProperty(
      "disabled",
      true
    );
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
        applyFixes: (f, at) => g.applyFixes(f, at),
        undoLastFixes: (at) => g.undoLastFixes(at),
      }),
    });
    await userEvent.click(checkButton());
    expect(await screen.findByText("Reading 2,000 of 10,000 activities…")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(checkButton()).toHaveProperty("disabled", true);
    await act(async () => {
      release();
      await gate;
    });
    await screen.findByRole("heading", { name: "At a glance" });
  });

  it("cancels a running check, leaving the last result and its marks", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slow = false;
    const fake = smallWorkbook();
    renderPane(fake, {
      workbook: (g) => ({
        capabilities: g.capabilities,
        check: async (options, onProgress, cancelled) => {
          if (slow) await gate;
          return g.check(options, onProgress, cancelled);
        },
        recheck: (c) => g.recheck(c),
        clearHighlights: () => g.clearHighlights(),
        select: (p) => g.select(p),
        watch: (l) => g.watch(l),
        insertTables: (o) => g.insertTables(o),
        selectedActivityRows: () => g.selectedActivityRows(),
        loggedExports: () => g.loggedExports(),
        recordExport: (e, s) => g.recordExport(e, s),
        applyFixes: (f, at) => g.applyFixes(f, at),
        undoLastFixes: (at) => g.undoLastFixes(at),
      }),
    });
    await checkNow();
    const marks = fake.sheet("Activities").conditionalFormats.length;
    slow = true;
    await userEvent.click(checkButton());
    await userEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    await act(async () => {
      release();
      await gate;
    });
    expect(await screen.findByText(/Check cancelled; nothing was changed\./)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "At a glance" })).toBeTruthy();
    expect(fake.sheet("Activities").conditionalFormats).toHaveLength(marks);
    expect(checkButton()).toHaveProperty("disabled", false);
  });

  it("re-checks live after an edit, without pressing Check", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    await screen.findByText(/Live: edits are re-checked as you type/);
    await act(() => fake.userEdit("Activities", "J3", [["Chicago"]]));
    await waitFor(() =>
      expect(within(screen.getByRole("list", { name: "Counts" })).getByText("1 error")).toBeTruthy()
    );
  });
});

describe("errors", () => {
  it("lists the findings of a protected sheet, saying it could not be marked and why", async () => {
    const fake = smallWorkbook();
    const sheet = fake.sheet("Activities");
    fake.addUserConditionalFormat(sheet, "A9", {
      type: "Custom",
      formula: '=ISTEXT("PARS Ready mark: row")',
    });
    sheet.locked = true;
    renderPane(fake);
    await userEvent.click(checkButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/the sheet is not marked/);
    expect(alert.textContent).toMatch(/protected/);
    expect(alert.textContent).toMatch(/Unprotect the sheet/);
    expect(within(findings()).getAllByRole("button")).toHaveLength(2);
    // The marks it had are left as they were.
    expect(sheet.conditionalFormats.map((cf) => cf.formula)).toEqual([
      '=ISTEXT("PARS Ready mark: row")',
    ]);
  });

  it("keeps the last result on show when a finding's sheet has gone", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    fake.sheets.splice(0, 1);
    await userEvent.click(screen.getByText("Next", { selector: "button" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/no longer there/);
    expect(alert.textContent).toMatch(/Run Check again/);
    expect(screen.getByRole("heading", { name: "At a glance" })).toBeTruthy();
  });

  it("says when there is no Activities table, offering the PARS tables, then checks them", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await userEvent.click(checkButton());
    expect(await screen.findByText("No Activities table found.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    await screen.findByRole("heading", { name: "At a glance" });
    expect(screen.queryByText("No Activities table found.")).toBeNull();
    expect(screen.getByText("All 1 activity meets its declared status.")).toBeTruthy();
  });

  it("turns off what this Excel cannot do, saying why", async () => {
    renderPane(smallWorkbook(), {
      capabilities: { ...ALL_CAPABILITIES, highlight: false, insertTables: false, live: false },
    });
    await openView("Settings");
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
    await openView("Settings");
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
    await openView("Settings");
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
    expect(screen.getByText("As of 08/01/2024")).toBeTruthy();
    const bars = screen.getByRole("list", { name: "Rows by the status their data supports" });
    expect(within(bars).getByLabelText("Draft: 1")).toBeTruthy();
  });
});

describe("insert PARS tables", () => {
  it("adds the tables and says where", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderPane(fake);
    await openView("Settings");
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
    await openView("Settings");
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
    await openView("Settings");
    await userEvent.click(screen.getByRole("checkbox", { name: /grand-rounds series/ }));
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    await screen.findByText(/Added sheets/);
    expect(fake.sheet("Activities").rows[1]?.every((c) => c === "")).toBe(true);
  });

  it("explains a protected workbook, and leaves events on", async () => {
    const fake = new FakeExcel();
    fake.structureLocked = true;
    renderPane(fake);
    await openView("Settings");
    await userEvent.click(screen.getByRole("button", { name: "Insert PARS tables" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/protected/);
    expect(alert.textContent).toMatch(/Unprotect/);
    expect(fake.sheets).toEqual([]);
    expect(fake.enableEvents).toBe(true);
  });
});

describe("navigation", () => {
  it("shows one view at a time behind tabs, the header always there", async () => {
    renderPane(smallWorkbook());
    expect(screen.getAllByRole("tab")).toEqual(
      ["Findings", "Export", "Year end", "Settings"].map((name) =>
        screen.getByRole("tab", { name })
      )
    );
    expect(screen.getByRole("tab", { name: "Findings" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(screen.queryByRole("region", { name: "Export" })).toBeNull();
    await openView("Export");
    expect(screen.getByRole("tabpanel", { name: "Export" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Export" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Settings" })).toBeNull();
    await userEvent.click(checkButton());
    // The header shows the counts whatever the view.
    expect(await screen.findByRole("list", { name: "Counts" })).toBeTruthy();
    expect(screen.getByRole("tabpanel", { name: "Export" })).toBeTruthy();
  });

  it("keeps a half-typed setting while another view is shown", async () => {
    renderPane(smallWorkbook());
    await openView("Settings");
    await userEvent.type(screen.getByRole("textbox", { name: /ACCME provider ID/ }), "123");
    await openView("Findings");
    await openView("Settings");
    expect(screen.getByRole("textbox", { name: /ACCME provider ID/ })).toHaveProperty(
      "value",
      "123"
    );
  });

  it("says when every activity is ready, and leads to Export", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [aRow({ "Internal ID": "OK-1" })]);
    renderPane(fake);
    await checkNow();
    expect(screen.getByText("Ready to report.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Go to Export" }));
    expect(screen.getByRole("tab", { name: "Export" }).getAttribute("aria-selected")).toBe("true");
  });
});

describe("always current", () => {
  it("checks again as of a newly saved date, so only one date is on show", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await checkNow();
    expect(screen.getByText("As of 11/25/2025")).toBeTruthy();
    await openView("Settings");
    await userEvent.type(screen.getByLabelText(/Check as of/), "2025-03-31");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("As of 03/31/2025")).toBeTruthy();
    expect(screen.queryByText("As of 11/25/2025")).toBeNull();
  });
});

describe("year end", () => {
  async function buildYear(year: string) {
    await openView("Year end");
    const view = screen.getByRole("tabpanel", { name: "Year end" });
    await userEvent.selectOptions(
      within(view).getByRole("combobox", { name: "Reporting year" }),
      year
    );
    await userEvent.click(within(view).getByRole("button", { name: "Build report" }));
    return view;
  }

  it("is a tab whose view builds the checklist and bars, and goes to a row in the sheet", async () => {
    const fake = yearWorkbook();
    renderPane(fake);
    expect(screen.getAllByRole("tab")).toEqual(
      ["Findings", "Export", "Year end", "Settings"].map((name) =>
        screen.getByRole("tab", { name })
      )
    );
    const view = await buildYear("2025");
    await userEvent.click(
      await within(view).findByRole("button", {
        name: /^Close the activities that ended in 2025: /,
      })
    );
    const toClose = await within(view).findByRole("list", {
      name: "Close the activities that ended in 2025",
    });
    expect(within(view).getByRole("list", { name: "Activities by format" })).toBeTruthy();
    await userEvent.click(within(toClose).getByRole("button", { name: /C-2 · ECG Workshop/ }));
    await waitFor(() => expect(fake.selected).toEqual({ sheet: "Activities", address: "A3" }));
  });
});
