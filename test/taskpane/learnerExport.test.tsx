// The task pane's learner file: the Export view's third choice, "Learner completions, XML", over
// the example workbook's Learners table. The file the pane hands over must be, byte for byte, what
// `pars-ready export --format learners` writes of the same workbook at the same minute.
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sha256Hex, type CellValue } from "../../src/core";
import { runExport } from "../../src/cli/exportCommand";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { TODAY } from "../support/builders";
import { areaAddress, FakeExcel } from "../support/fakeExcel";
import { smallWorkbook } from "../support/fakeWorkbooks";
import { EXPORT_NOW, memoryFiles, memorySettings, renderPane } from "../support/renderPane";

const EXAMPLE = path.resolve(__dirname, "../../examples/activities.xlsx");
const PROVIDER_ID = "1234567";
const FILE_NAME = "pars-learners-20251125-1430.xml";

/** The example workbook's tables, as the command line reads them, in a fake Excel. */
async function exampleWorkbook(): Promise<FakeExcel> {
  const book = await readWorkbook(EXAMPLE);
  const fake = new FakeExcel();
  for (const t of book.tables) {
    const sheet = fake.addSheet(t.name);
    const values = t.values as CellValue[][];
    fake.setValues(sheet, 0, 0, values);
    const width = Math.max(...values.map((r) => r.length));
    fake.addTable(t.name, sheet, areaAddress({ r0: 0, c0: 0, nr: values.length, nc: width }));
  }
  return fake;
}

/** What `pars-ready export --format learners` writes of the example workbook at EXPORT_NOW. */
async function cliLearnerFile(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "pars-learners-"));
  try {
    const workbook = path.join(dir, "activities.xlsx");
    await copyFile(EXAMPLE, workbook);
    const out = path.join(dir, "cli.xml");
    const stderr: string[] = [];
    const code = await runExport(
      [workbook, "--format", "learners", "--provider-id", PROVIDER_ID, "--today", TODAY, "-o", out],
      { stdout: () => undefined, stderr: (s) => stderr.push(s), cwd: dir, now: EXPORT_NOW }
    );
    expect(stderr).toEqual([]);
    // 1: some rows stay out, as the example means them to.
    expect(code).toBe(1);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const withProvider = () => memorySettings({ providerId: PROVIDER_ID, asOf: null });
const exportSection = () => screen.getByRole("region", { name: "Export" });
const learnerButton = () =>
  within(exportSection()).getByRole("button", { name: "Export Learner completions, XML" });

/** Checks, opens Export and chooses the learner file, as a coordinator does. */
async function chooseLearners(): Promise<void> {
  await userEvent.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByRole("list", { name: "Counts" });
  await userEvent.click(screen.getByRole("tab", { name: "Export" }));
  await userEvent.click(
    within(exportSection()).getByRole("radio", { name: "Learner completions, XML" })
  );
}

/** The Export Log's rows below its header, as the workbook holds them. */
function logRows(fake: FakeExcel): unknown[][] {
  const t = fake.tables.find((x) => x.name === "ExportLog");
  if (t === undefined) return [];
  return fake.valuesOf(t.sheet, { r0: t.r0 + 1, c0: t.c0, nr: t.nr - 1, nc: t.nc });
}

describe("the learner file in the Export view", () => {
  it("says how many completions go in and which rows stay out, with their reasons", async () => {
    renderPane(await exampleWorkbook(), { settings: withProvider() });
    await chooseLearners();
    const section = exportSection();
    await within(section).findByText(
      "3 completions go in as of 11/25/2025; 7 rows have errors and stay out."
    );
    // The selection is of Activities rows: it does not apply to the learner file.
    expect(within(section).queryByRole("checkbox")).toBeNull();
    const fold = within(section).getByText("Staying out (7)").closest("details")!;
    expect(fold.open).toBe(false);
    await userEvent.click(within(section).getByText("Staying out (7)"));
    const out = within(section).getByRole("list", { name: "Staying out (7)" });
    const items = within(out)
      .getAllByRole("listitem")
      .filter((li) => li.parentElement === out);
    expect(items.map((li) => li.firstElementChild?.textContent)).toEqual([
      "Learners row 2 · Maria Lopez · IMGR-2024: stays out",
      "Learners row 4 · Maria Lopez · IMGR-2024: stays out",
      "Learners row 5 · Grace Okafor · IMGR-2024: stays out",
      "Learners row 6 · Ahmed Khan · JCME-2025-01: stays out",
      "Learners row 9 · Robert Miller · EM-SEPSIS-2023: stays out",
      "Learners row 10 · Linda Brooks · EM-SEPSIS-2023: stays out",
      "Learners row 11 · Samuel Grant · EM-SEPSIS-2023: stays out",
    ]);
    // Each with the reasons the check gives, one item per error.
    const miller = within(items[4]!).getAllByRole("listitem");
    expect(miller.map((li) => li.textContent)).toEqual([
      '"06/31" is not a birth month and day; expected MM/DD (02/29 is allowed, the year is not needed).',
      "Board ID is required by ABIM, which rejects completions without it.",
    ]);
    expect(within(items[3]!).getByText(/is not a valid NPI/)).toBeTruthy();
    expect(learnerButton()).toHaveProperty("disabled", false);
  });

  it("downloads the bytes `pars-ready export --format learners` writes, and logs the file", async () => {
    const cli = await cliLearnerFile();
    const fake = await exampleWorkbook();
    const files = memoryFiles();
    renderPane(fake, { settings: withProvider(), files });
    await chooseLearners();
    await within(exportSection()).findByText(/3 completions go in/);
    await userEvent.click(learnerButton());
    await within(exportSection()).findByText(`Downloaded ${FILE_NAME}`);
    expect(within(exportSection()).getByText(/3 completions, UTF-8/)).toBeTruthy();
    expect(files.downloads.map((d) => [d.fileName, d.mimeType])).toEqual([
      [FILE_NAME, "application/xml;charset=utf-8"],
    ]);
    const text = files.downloads[0]!.text;
    expect(Buffer.from(text, "utf8").equals(cli)).toBe(true);
    // LF line ends, no byte-order mark, one ActivityReport per completion that goes in.
    expect(text).not.toContain("\r");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.match(/<ActivityReport>/g)).toHaveLength(3);
    expect(logRows(fake)).toEqual([
      [
        EXPORT_NOW.toISOString(),
        "Learner completions (XML)",
        FILE_NAME,
        3,
        "IMGR-2024, JCME-2025-01, EM-SEPSIS-2023",
        sha256Hex(text),
      ],
    ]);
  });

  it("writes the file to a sheet, LF lines exact, where the host cannot download", async () => {
    const cli = await cliLearnerFile();
    const fake = await exampleWorkbook();
    renderPane(fake, { settings: withProvider(), files: memoryFiles({ canDownload: false }) });
    await chooseLearners();
    await within(exportSection()).findByText(/3 completions go in/);
    await userEvent.click(learnerButton());
    await within(exportSection()).findByText(`Wrote ${FILE_NAME} to a new sheet`);
    const lines = fake.sheet("PARS Export 20251125-1430").rows.map((r) => `${String(r[0])}\n`);
    expect(Buffer.from(lines.join(""), "utf8").equals(cli)).toBe(true);
  });

  it("warns before the same learner file is made twice", async () => {
    const files = memoryFiles();
    renderPane(await exampleWorkbook(), { settings: withProvider(), files });
    await chooseLearners();
    await within(exportSection()).findByText(/3 completions go in/);
    await userEvent.click(learnerButton());
    await within(exportSection()).findByText(`Downloaded ${FILE_NAME}`);
    await userEvent.click(learnerButton());
    const alert = await within(exportSection()).findByRole("alert");
    expect(alert.textContent).toContain(
      "Uploading it again would report the same completions twice."
    );
    expect(files.downloads).toHaveLength(1);
  });

  it("says a provider ID is needed, in Settings, and offers no file without one", async () => {
    const files = memoryFiles();
    renderPane(await exampleWorkbook(), { files });
    await chooseLearners();
    const section = exportSection();
    // The preview still shows what would go in.
    await within(section).findByText(/3 completions go in/);
    expect(within(section).getByText("A provider ID is needed for the learner file.")).toBeTruthy();
    expect(within(section).getByText(/provider ID in Settings/)).toBeTruthy();
    expect(learnerButton()).toHaveProperty("disabled", true);
    await userEvent.click(learnerButton());
    expect(files.downloads).toEqual([]);
  });

  it("says how to add a Learners table when the workbook has none", async () => {
    const files = memoryFiles();
    renderPane(smallWorkbook(), { settings: withProvider(), files });
    await chooseLearners();
    const section = exportSection();
    expect(
      await within(section).findByText(
        /This workbook has no Learners table\. Add one with Insert PARS tables in Settings/
      )
    ).toBeTruthy();
    expect(learnerButton()).toHaveProperty("disabled", true);
    // The activity layouts are as they were.
    await userEvent.click(within(section).getByRole("radio", { name: "PARS XML" }));
    await within(section).findByText(/2 activities go in/);
    expect(within(section).getByRole("button", { name: "Export PARS XML" })).toHaveProperty(
      "disabled",
      false
    );
  });
});
