// Exporting from the built task pane in headless Chromium over the fake Excel: the file the pane
// hands over must be, byte for byte, the file core (and so `pars-ready export`) makes of the same
// workbook. Once through a real browser download, once through the sheet a desktop host gets.
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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
import { DIST, launchChromium, serveStatic } from "./browser";
import { installFakeOffice } from "./fakeOffice";
import { ACTIVITIES, axe, SUPPORT, workbookScript } from "./paneHost";

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

async function openPane(
  platform?: "PC",
  tables?: Parameters<typeof workbookScript>[0]["tables"]
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 900 },
    timezoneId: "UTC",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.setFixedTime(NOW);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await installFakeOffice(page, {
    excel: workbookScript({
      ...(platform === undefined ? {} : { platform }),
      ...(tables === undefined ? {} : { tables }),
    }),
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "PARS Ready" }).waitFor();
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("heading", { name: "At a glance" }).waitFor();
  return { context, page, errors };
}

describe("exporting from the task pane in Chromium", () => {
  it.each(["xml", "txt"] as const)(
    "downloads the %s file core makes of the same workbook, and logs it",
    async (layout) => {
      const { context, page, errors } = await openPane();
      const want = expected(layout);
      const exportArea = page.getByRole("region", { name: "Export" });
      await exportArea
        .getByText("2 activities go in as of 2025-11-25; 1 row fails its status and stays out.")
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
        "6 activities go in as of 2025-11-25; 8 rows fail their status and stay out; 1 cancelled row not reported."
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
