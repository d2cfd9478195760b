// Exporting from the built task pane in headless Chromium over the fake Excel: the file the pane
// hands over must be, byte for byte, the file core (and so `pars-ready export`) makes of the same
// workbook. Once through a real browser download, once through the sheet a desktop host gets.
import { copyFile, mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SaxesParser } from "saxes";
import {
  buildExport,
  exportText,
  previewExport,
  UPLOAD_LAYOUTS,
  type LayoutId,
} from "../../src/core";
import { runExport } from "../../src/cli/exportCommand";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { aBook, TODAY } from "../support/builders";
import { learnerFileProblems } from "../support/learnerSchema";
import { DIST, launchChromium, serveStatic } from "./browser";
import { installFakeOffice } from "./fakeOffice";
import { ACTIVITIES, axe, SHOTS, SUPPORT, workbookScript } from "./paneHost";

/** The page's clock while exporting: 14:30 UTC on the test day, in a UTC page. */
const NOW = new Date(`${TODAY}T14:30:00Z`);
const STAMP = `${TODAY}T14:30`;

/** What core makes of the pane's workbook, as the command line would write it. */
function expected(layout: LayoutId) {
  const outcome = previewExport(aBook({ activities: ACTIVITIES, support: SUPPORT }), {
    today: TODAY,
    providerId: null,
  });
  if (!outcome.ok) throw new Error("no Activities table");
  return buildExport(outcome.preview, UPLOAD_LAYOUTS[layout], STAMP);
}

type Workbook = {
  __workbook: {
    sheet: (n: string) => { rows: unknown[][] };
    sheets: { name: string }[];
    tables: { name: string; nr: number }[];
  };
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Opened = { context: BrowserContext; page: Page; errors: string[] };

/** A fresh pane at `width` px over a fake workbook, shown, with every page error collected. */
async function newPane(
  width: number,
  script: Parameters<typeof workbookScript>[0]
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: "UTC",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.setFixedTime(NOW);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await installFakeOffice(page, { excel: workbookScript(script) });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "PARS Ready" }).waitFor();
  return { context, page, errors };
}

async function openPane(
  platform?: "PC",
  tables?: Parameters<typeof workbookScript>[0]["tables"]
): Promise<Opened> {
  const opened = await newPane(360, {
    ...(platform === undefined ? {} : { platform }),
    ...(tables === undefined ? {} : { tables }),
  });
  const { page } = opened;
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("heading", { name: "At a glance" }).waitFor();
  await page.getByRole("tab", { name: "Export" }).click();
  return opened;
}

describe("exporting from the task pane in Chromium", () => {
  it.each(["xml", "txt"] as const)(
    "downloads the %s file core makes of the same workbook, and logs it",
    async (layout) => {
      const { context, page, errors } = await openPane();
      const want = expected(layout);
      const exportArea = page.getByRole("region", { name: "Export" });
      await exportArea
        .getByText("2 activities go in as of 11/25/2025; 1 row fails its status and stays out.")
        .waitFor();
      const name = layout === "xml" ? "PARS XML" : "Template D (.txt)";
      await exportArea.getByRole("radio", { name }).check();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        exportArea.getByRole("button", { name: `Export ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(want.fileName);
      const bytes = await readFile(await download.path());
      // Exactly core's text as UTF-8: no byte-order mark, nothing re-encoded.
      expect(bytes.equals(Buffer.from(exportText(want), "utf8"))).toBe(true);
      await exportArea.getByText(`Downloaded ${want.fileName}`).waitFor();
      const logRows = await page.evaluate(
        () =>
          (window as unknown as Workbook).__workbook.tables.find((t) => t.name === "ExportLog")?.nr
      );
      expect(logRows).toBe(2);
      expect(errors).toEqual([]);
      await context.close();
    }
  );

  it("downloads from the example workbook what `pars-ready export` writes of its .xlsx", async () => {
    // A copy, so that the command line's log lands beside it and not in the repository.
    const dir = await mkdtemp(path.join(tmpdir(), "pars-export-"));
    const workbook = path.join(dir, "activities.xlsx");
    await copyFile(path.resolve(__dirname, "../../examples/activities.xlsx"), workbook);
    const stderr: string[] = [];
    const code = await runExport(
      [workbook, "--format", "xml", "--today", TODAY, "-o", path.join(dir, "cli.xml")],
      { stdout: () => undefined, stderr: (s) => stderr.push(s), cwd: dir, now: NOW }
    );
    expect(stderr).toEqual([]);
    expect(code).toBeLessThan(2);
    const cli = await readFile(path.join(dir, "cli.xml"));
    // The same cells in the fake Excel, as the command line read them from the file.
    const book = await readWorkbook(workbook);
    const { context, page, errors } = await openPane(
      undefined,
      book.tables.map((t) => [t.name, t.values] as const)
    );
    const exportArea = page.getByRole("region", { name: "Export" });
    // The preview counts as the command line's report does.
    await exportArea
      .getByText(
        "6 activities go in as of 11/25/2025; 8 rows fail their status and stay out; 1 cancelled row not reported."
      )
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exportArea.getByRole("button", { name: "Export PARS XML" }).click(),
    ]);
    expect((await readFile(await download.path())).equals(cli)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("writes the file to a new sheet where the host cannot download, and copies it", async () => {
    const { context, page, errors } = await openPane("PC");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    const want = expected("xml");
    const exportArea = page.getByRole("region", { name: "Export" });
    let downloads = 0;
    page.on("download", () => downloads++);
    await exportArea.getByRole("button", { name: "Export PARS XML" }).click();
    await exportArea.getByText(`Wrote ${want.fileName} to a new sheet`).waitFor();
    const sheet = await page.evaluate(() => {
      const wb = (window as unknown as Workbook).__workbook;
      return {
        names: wb.sheets.map((s) => s.name),
        lines: wb.sheet("PARS Export 20251125-1430").rows.map((r) => r[0]),
      };
    });
    expect(sheet.names).toEqual([
      "Activities",
      "Support",
      "PARS Export 20251125-1430",
      "Export Log",
    ]);
    expect(sheet.lines.map((l) => `${String(l)}\n`).join("")).toBe(exportText(want));
    await exportArea.getByRole("button", { name: "Copy to clipboard" }).click();
    await exportArea.getByText(`Copied the text of ${want.fileName}.`).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(exportText(want));
    expect(downloads).toBe(0);
    expect(await axe(page)).toEqual([]);
    // The same file again: the warning, and its buttons, reachable and labelled.
    await exportArea.getByRole("button", { name: "Export PARS XML" }).click();
    await exportArea
      .getByRole("alert")
      .getByText(/This file was already made on/)
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await exportArea.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await exportArea.getByRole("alert").waitFor({ state: "detached" });
    const logRows = await page.evaluate(
      () =>
        (window as unknown as Workbook).__workbook.tables.find((t) => t.name === "ExportLog")?.nr
    );
    expect(logRows).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The example workbook's tables as the command line reads them, Learners among them. */
async function exampleBookTables(): Promise<[string, unknown[][]][]> {
  const book = await readWorkbook(path.resolve(__dirname, "../../examples/activities.xlsx"));
  return book.tables.map((t) => [t.name, t.values as unknown[][]]);
}

/** Each learner's given and family name in a learner file, per ActivityReport, parsed as XML. */
function reportedLearners(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  let open: string | null = null;
  let reports = 0;
  parser.on("opentag", (tag) => {
    if (tag.local === "ActivityReport") {
      reports++;
      names.push("");
    }
    open = tag.local === "GivenName" || tag.local === "FamilyName" ? tag.local : null;
  });
  parser.on("text", (text) => {
    if (open === null || names.length === 0) return;
    const last = names.length - 1;
    names[last] = `${names[last] ?? ""}${open === "FamilyName" ? " " : ""}${text}`;
  });
  parser.on("closetag", () => {
    open = null;
  });
  parser.write(xml).close();
  expect(names).toHaveLength(reports);
  return names;
}

/**
 * The pane over the example workbook with a provider ID saved in Settings (unless null), checked, with the
 * Export view showing the learner file's preview.
 */
async function learnerPane(
  width: number,
  theme: "light" | "dark",
  providerId: string | null = "1234567"
): Promise<Opened> {
  const opened = await newPane(width, { theme, tables: await exampleBookTables() });
  const { page } = opened;
  if (providerId !== null) {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("textbox", { name: "ACCME provider ID" }).fill(providerId);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Saved in this workbook.").waitFor();
  }
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("tab", { name: "Export" }).click();
  const exportArea = page.getByRole("region", { name: "Export" });
  await exportArea.getByRole("radio", { name: "Learner completions, XML" }).check();
  await exportArea
    .getByText("3 completions go in as of 11/25/2025; 7 rows have errors and stay out.")
    .waitFor();
  return opened;
}

describe("the learner file from the task pane in Chromium", () => {
  it("downloads the example workbook's learner file: valid XML, one ActivityReport per completion, the command line's bytes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pars-learners-"));
    const workbook = path.join(dir, "activities.xlsx");
    await copyFile(path.resolve(__dirname, "../../examples/activities.xlsx"), workbook);
    const stderr: string[] = [];
    const code = await runExport(
      [
        workbook,
        ...["--format", "learners", "--provider-id", "1234567", "--today", TODAY],
        ...["-o", path.join(dir, "cli.xml")],
      ],
      { stdout: () => undefined, stderr: (s) => stderr.push(s), cwd: dir, now: NOW }
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(1);
    const cli = await readFile(path.join(dir, "cli.xml"));

    const { context, page, errors } = await learnerPane(360, "light");
    const exportArea = page.getByRole("region", { name: "Export" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exportArea.getByRole("button", { name: "Export Learner completions, XML" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("pars-learners-20251125-1430.xml");
    const bytes = await readFile(await download.path());
    expect(bytes.equals(cli)).toBe(true);
    const xml = bytes.toString("utf8");
    expect(reportedLearners(xml)).toEqual(["James Chen", "Elena Rossi", "Priya Patel"]);
    expect(await learnerFileProblems(xml)).toEqual([]);
    await exportArea.getByText("Downloaded pars-learners-20251125-1430.xml").waitFor();
    const logged = await page.evaluate(
      () =>
        (window as unknown as Workbook).__workbook.tables.find((t) => t.name === "ExportLog")?.nr
    );
    expect(logged).toBe(2);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("says at 320 px that a provider ID is needed, and offers no file", async () => {
    const { context, page, errors } = await learnerPane(320, "light", null);
    const exportArea = page.getByRole("region", { name: "Export" });
    await exportArea.getByText("A provider ID is needed for the learner file.").waitFor();
    expect(
      await exportArea.getByRole("button", { name: "Export Learner completions, XML" }).isDisabled()
    ).toBe(true);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SHOTS, "export-learners-320-light-no-provider.png"),
      fullPage: true,
    });
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const width of [320, 450]) {
    for (const theme of ["light", "dark"] as const) {
      it(`fits the learner preview at ${String(width)} px, ${theme}`, async () => {
        const { context, page, errors } = await learnerPane(width, theme);
        const exportArea = page.getByRole("region", { name: "Export" });
        // Opened, so the longest reasons are on show.
        await exportArea.getByText("Staying out (7)").click();
        await exportArea.getByText(/is not a valid NPI/).waitFor();
        await mkdir(SHOTS, { recursive: true });
        await page.screenshot({
          path: path.join(SHOTS, `export-learners-${String(width)}-${theme}.png`),
          fullPage: true,
        });
        const size = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
        expect(await axe(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
