import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  buildExport,
  exportText,
  previewExport,
  sha256Hex,
  UPLOAD_LAYOUTS,
  type ExportSelection,
  type LayoutId,
} from "../../src/core";
import { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { ACTIVITY_HEADERS, aRow, TODAY } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet, smallWorkbook } from "../support/fakeWorkbooks";
import { ALL_CAPABILITIES, EXPORT_NOW, memoryFiles, renderPane } from "../support/renderPane";

/** What `pars-ready export` writes for the same workbook at the same minute: core, not the pane. */
async function expectedFile(fake: FakeExcel, layout: LayoutId, select?: ExportSelection) {
  const gateway = new WorkbookGateway(fake.run, ALL_CAPABILITIES, () => Promise.resolve());
  const pass = await gateway.check({ today: TODAY });
  const outcome = previewExport(pass.source, {
    today: TODAY,
    providerId: null,
    ...(select === undefined ? {} : { select }),
  });
  if (!outcome.ok) throw new Error("no Activities table");
  return buildExport(outcome.preview, UPLOAD_LAYOUTS[layout], "2025-11-25T14:30");
}

/** Opens the pane's Export view, as a coordinator does before exporting. */
async function showExport(): Promise<void> {
  await userEvent.click(screen.getByRole("tab", { name: "Export" }));
}

const exportSection = () => screen.getByRole("region", { name: "Export" });
const exportButton = (name = "Export PARS XML") =>
  within(exportSection()).getByRole("button", { name });

/** Checks, and waits for the export preview, which is worked out after the check is shown. */
async function checkNow() {
  await userEvent.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByRole("list", { name: "Counts" });
  await within(exportSection()).findByText(/ in as of /);
}

/** The Export Log's rows below its header, as the workbook holds them. */
function logRows(fake: FakeExcel): unknown[][] {
  const t = fake.tables.find((x) => x.name === "ExportLog");
  if (t === undefined) return [];
  return fake.valuesOf(t.sheet, { r0: t.r0 + 1, c0: t.c0, nr: t.nr - 1, nc: t.nc });
}

/** Column A of a sheet, joined back into the file's text. */
function sheetText(fake: FakeExcel, name: string, lineEnd: string): string {
  return fake
    .sheet(name)
    .rows.map((r) => `${String(r[0])}${lineEnd}`)
    .join("");
}

describe("the export preview", () => {
  it("waits for a check before anything can be exported", async () => {
    renderPane(smallWorkbook());
    await showExport();
    expect(within(exportSection()).getByText(/Press Check first/)).toBeTruthy();
    expect(exportButton()).toHaveProperty("disabled", true);
  });

  it("says how many rows go in, which stay out and why, before the file is made", async () => {
    const files = memoryFiles();
    renderPane(smallWorkbook(), { files });
    await showExport();
    await checkNow();
    const section = exportSection();
    expect(
      within(section).getByText(
        "2 activities go in as of 11/25/2025; 1 row fails its status and stays out."
      )
    ).toBeTruthy();
    // Folded under its count until opened.
    const fold = within(section).getByText("Staying out (1)").closest("details")!;
    expect(fold.open).toBe(false);
    await userEvent.click(within(section).getByText("Staying out (1)"));
    expect(fold.open).toBe(true);
    const out = within(section).getByRole("list", { name: "Staying out (1)" });
    const item = within(out).getAllByRole("listitem")[0]!;
    expect(item.textContent).toMatch(
      /^Row 3 · A-2 · Internal Medicine Grand Rounds: not ready for Closed/
    );
    expect(within(item).getAllByRole("listitem").length).toBeGreaterThan(0);
    expect(within(item).getByText(/City/)).toBeTruthy();
    expect(files.downloads).toEqual([]);
  });

  it("lists the cells written differently in the file", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1", Title: "Grand\tRounds" }),
    ]);
    renderPane(fake);
    await showExport();
    await checkNow();
    const changed = within(exportSection()).getByRole("list", {
      name: "Cells written differently in the file",
    });
    expect(within(changed).getByRole("listitem").textContent).toBe(
      'Activities row 2 Title: "Grand\\tRounds" → "Grand Rounds"'
    );
  });

  it("makes no file when no activity passes, and says so", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [aRow({ "Internal ID": "A-2", City: "" })]);
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    expect(
      within(exportSection()).getByText("No activity passes its status: no file is made.")
    ).toBeTruthy();
    expect(exportButton()).toHaveProperty("disabled", true);
    expect(files.downloads).toEqual([]);
    expect(fake.tables.some((t) => t.name === "ExportLog")).toBe(false);
  });
});

describe("exporting with downloads", () => {
  it("downloads the same XML the command line makes, UTF-8, and logs it in the workbook", async () => {
    const fake = smallWorkbook();
    const expected = await expectedFile(fake, "xml");
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(/Downloaded pars-activities-20251125-1430\.xml/);
    expect(files.downloads).toEqual([
      {
        fileName: "pars-activities-20251125-1430.xml",
        text: exportText(expected),
        mimeType: "application/xml;charset=utf-8",
      },
    ]);
    expect(exportText(expected).charCodeAt(0)).not.toBe(0xfeff);
    expect(logRows(fake)).toEqual([
      [
        EXPORT_NOW.toISOString(),
        "PARS XML",
        "pars-activities-20251125-1430.xml",
        2,
        "A-1, A-3",
        sha256Hex(exportText(expected)),
      ],
    ]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Activities", "Support", "Export Log"]);
  });

  it("exports Template D when that layout is chosen", async () => {
    const fake = smallWorkbook();
    const expected = await expectedFile(fake, "txt");
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    await userEvent.click(
      within(exportSection()).getByRole("radio", { name: "Template D (.txt)" })
    );
    await userEvent.click(exportButton("Export Template D (.txt)"));
    await within(exportSection()).findByText(/Downloaded pars-activities-20251125-1430\.txt/);
    expect(files.downloads).toEqual([
      {
        fileName: "pars-activities-20251125-1430.txt",
        text: exportText(expected),
        mimeType: "text/plain;charset=utf-8",
      },
    ]);
    expect(logRows(fake)[0]?.[1]).toBe("Template D (.txt)");
  });

  it("exports only the rows selected in the sheet", async () => {
    const fake = smallWorkbook();
    const expected = await expectedFile(fake, "xml", { rows: [4] });
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    fake.selected = { sheet: "Activities", address: "B4:D4" };
    await userEvent.click(
      within(exportSection()).getByRole("checkbox", { name: "Only the rows selected in the sheet" })
    );
    await within(exportSection()).findByText(
      "1 activity goes in as of 11/25/2025; 0 rows fail their status and stay out; 2 rows not selected."
    );
    expect(within(exportSection()).getByText("Sheet row 4.")).toBeTruthy();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(/Downloaded/);
    expect(files.downloads.map((d) => d.text)).toEqual([exportText(expected)]);
    expect(logRows(fake)[0]?.[4]).toBe("A-3");
  });

  it("reads the selection again on Use selection, and refuses a selection with no Activities rows", async () => {
    const fake = smallWorkbook();
    renderPane(fake);
    await showExport();
    await checkNow();
    fake.selected = { sheet: "Support", address: "A2" };
    await userEvent.click(
      within(exportSection()).getByRole("checkbox", { name: "Only the rows selected in the sheet" })
    );
    await within(exportSection()).findByText(
      /The selection covers no rows of the Activities table/
    );
    expect(exportButton()).toHaveProperty("disabled", true);
    fake.selected = { sheet: "Activities", address: "A2:A4" };
    await userEvent.click(within(exportSection()).getByRole("button", { name: "Use selection" }));
    await within(exportSection()).findByText("Sheet rows 2–4.");
    expect(exportButton()).toHaveProperty("disabled", false);
  });

  it("warns when the same file was already made, and lets the coordinator cancel or go on", async () => {
    const fake = smallWorkbook();
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(/Downloaded/);
    await userEvent.click(exportButton());
    const alert = await within(exportSection()).findByRole("alert");
    // The logged moment as a coordinator reads it, not a raw ISO timestamp.
    const [day, time] = EXPORT_NOW.toISOString().split(/T|:\d\d\./);
    expect(alert.textContent).toContain(
      `This file was already made on ${day!.slice(5, 7)}/${day!.slice(8, 10)}/${day!.slice(0, 4)} at ${time!} UTC (pars-activities-20251125-1430.xml).`
    );
    await userEvent.click(within(alert).getByRole("button", { name: "Cancel" }));
    expect(within(exportSection()).queryByRole("alert")).toBeNull();
    expect(files.downloads).toHaveLength(1);
    expect(logRows(fake)).toHaveLength(1);

    await userEvent.click(exportButton());
    await userEvent.click(
      within(await within(exportSection()).findByRole("alert")).getByRole("button", {
        name: "Export anyway",
      })
    );
    await within(exportSection()).findByText(/Downloaded/);
    expect(files.downloads).toHaveLength(2);
    expect(logRows(fake)).toHaveLength(2);
  });

  it("says the file was downloaded but not logged when the workbook refuses the log", async () => {
    const fake = smallWorkbook();
    fake.structureLocked = true;
    const files = memoryFiles();
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    const alert = await within(exportSection()).findByRole("alert");
    expect(alert.textContent).toMatch(
      /pars-activities-20251125-1430\.xml was downloaded but not logged in the workbook: Excel refused the change/
    );
    expect(files.downloads).toHaveLength(1);
  });
});

describe("exporting where downloads are not possible", () => {
  it("writes the file's text to a new sheet, exactly, and copies it to the clipboard", async () => {
    const fake = smallWorkbook();
    const expected = await expectedFile(fake, "xml");
    const files = memoryFiles({ canDownload: false });
    renderPane(fake, { files });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(
      /Wrote pars-activities-20251125-1430\.xml to a new sheet/
    );
    expect(within(exportSection()).getByText(/cannot download files from an add-in/)).toBeTruthy();
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Activities",
      "Support",
      "PARS Export 20251125-1430",
      "Export Log",
    ]);
    expect(sheetText(fake, "PARS Export 20251125-1430", "\n")).toBe(exportText(expected));
    expect(files.downloads).toEqual([]);
    expect(logRows(fake)).toHaveLength(1);

    await userEvent.click(
      within(exportSection()).getByRole("button", { name: "Copy to clipboard" })
    );
    await within(exportSection()).findByText(
      "Copied the text of pars-activities-20251125-1430.xml."
    );
    expect(files.copied).toEqual([exportText(expected)]);
  });

  it("keeps Template D's CRLF lines exact on the sheet", async () => {
    const fake = smallWorkbook();
    const expected = await expectedFile(fake, "txt");
    renderPane(fake, { files: memoryFiles({ canDownload: false }) });
    await showExport();
    await checkNow();
    await userEvent.click(
      within(exportSection()).getByRole("radio", { name: "Template D (.txt)" })
    );
    await userEvent.click(exportButton("Export Template D (.txt)"));
    await within(exportSection()).findByText(/to a new sheet/);
    expect(sheetText(fake, "PARS Export 20251125-1430", "\r\n")).toBe(exportText(expected));
  });

  it("falls back to the sheet when the download fails, and says why", async () => {
    const fake = smallWorkbook();
    renderPane(fake, { files: memoryFiles({ failDownload: true }) });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(/The download failed \(downloads are blocked\)/);
    expect(fake.sheets.some((s) => s.name === "PARS Export 20251125-1430")).toBe(true);
  });

  it("explains a refused clipboard instead of failing silently", async () => {
    const fake = smallWorkbook();
    renderPane(fake, { files: memoryFiles({ canDownload: false, refuseCopy: true }) });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    await within(exportSection()).findByText(/to a new sheet/);
    await userEvent.click(
      within(exportSection()).getByRole("button", { name: "Copy to clipboard" })
    );
    const alert = await within(exportSection()).findByRole("alert");
    expect(alert.textContent).toContain(
      "The text could not be copied: the host refused the clipboard (Write permission denied.)."
    );
  });

  it("shows what Excel refused when the sheet cannot be added", async () => {
    const fake = smallWorkbook();
    fake.structureLocked = true;
    renderPane(fake, { files: memoryFiles({ canDownload: false }) });
    await showExport();
    await checkNow();
    await userEvent.click(exportButton());
    const alert = await within(exportSection()).findByRole("alert");
    expect(alert.textContent).toMatch(
      /^Excel refused the change: the sheet or workbook is protected/
    );
    await waitFor(() => expect(fake.sheets).toHaveLength(2));
  });
});
