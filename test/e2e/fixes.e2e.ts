// One-click fixes in the built pane: preview, apply, undo, over an in-memory Excel in Chromium.
// The round trip must leave every cell of every sheet as it was, formulas and numbers included.
import path from "node:path";
import type { Page } from "playwright-core";
import { ACTIVITY_HEADERS, aRow, cellsOf } from "../support/builders";
import { installFakeOffice } from "./fakeOffice";
import { axe, paneBrowser, SHOTS, workbookScript } from "./paneHost";

const pane = paneBrowser();

const ROWS = [
  aRow({ "Internal ID": "A-1", Country: "United States" }),
  aRow({ "Internal ID": "A-2", State: "Illinois", "Activity URL": "www.example.org/grand-rounds" }),
  aRow({ "Internal ID": "A-3", Country: "United States", Credits: 1.5 }),
  // A Yes/No variant, and end dates typed as text: one in a Text-formatted cell, one in a General
  // cell (which Excel would turn into a date again if undo wrote the text back carelessly).
  aRow({ "Internal ID": "A-4", MOC: "n", "End Date": "2025-06-30" }),
  aRow({ "Internal ID": "A-5", "End Date": "03/15/2025" }),
];
const COUNTRY = ACTIVITY_HEADERS.indexOf("Country");
const END = ACTIVITY_HEADERS.indexOf("End Date");

type Sheet = {
  rows: unknown[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
};
type Workbook = {
  sheets: (Sheet & { name: string })[];
  sheet: (n: string) => Sheet;
  setFormula: (sheet: unknown, r: number, c: number, f: string, v: unknown) => void;
};

/** Every cell of every sheet but the fixes log, with its formulas and number formats, as JSON. */
const cells = (page: Page) =>
  page.evaluate(() => {
    const wb = (window as unknown as { __workbook: Workbook }).__workbook;
    return JSON.stringify(
      wb.sheets
        .filter((s) => s.name !== "PARS Fixes")
        .map((s) => ({
          name: s.name,
          rows: s.rows,
          formulas: [...s.formulas],
          numberFormats: [...s.numberFormats].sort(),
        }))
    );
  });

/** The End Date cells of: value and number format. */
const endDates = (page: Page) =>
  page.evaluate((c) => {
    const s = (window as unknown as { __workbook: Workbook }).__workbook.sheet("Activities");
    return [4, 5].map((r) => [s.rows[r]?.[c], s.numberFormats.get(`${String(r)},${String(c)}`)]);
  }, END);

async function openPane(theme: "light" | "dark"): Promise<{ page: Page; errors: string[] }> {
  const page = await pane.browser.newPage({ viewport: { width: 320, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const tables = [
    ["Activities", [ACTIVITY_HEADERS, ...ROWS.map((r) => cellsOf(ACTIVITY_HEADERS, r))]],
  ] as const;
  await installFakeOffice(page, { excel: workbookScript({ theme, tables }) });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByRole("heading", { name: "PARS Ready" }).waitFor();
  // A formula in a fixable cell: it is to be left alone.
  await page.evaluate(
    (c) => {
      const wb = (window as unknown as { __workbook: Workbook }).__workbook;
      wb.setFormula(wb.sheet("Activities"), 3, c.country, '="United States"', "United States");
      wb.sheet("Activities").numberFormats.set(`4,${String(c.end)}`, "@");
    },
    { country: COUNTRY, end: END }
  );
  return { page, errors };
}

describe("fixes in Chromium over a fake Excel", () => {
  it.each(["light", "dark"] as const)(
    "fixes then undoes, leaving every cell as it was (%s theme)",
    async (theme) => {
      const { page, errors } = await openPane(theme);
      const before = await cells(page);
      await page.getByRole("button", { name: "Check" }).click();
      const fixes = page.getByRole("region", { name: "Fixes" });
      await fixes.waitFor();
      const undo = fixes.getByRole("button", { name: "Undo last fixes" });
      // No "PARS Fixes" sheet and nothing applied yet: nothing to undo.
      expect(await undo.isDisabled()).toBe(true);

      await fixes
        .getByRole("listitem")
        .filter({ hasText: "Values PARS spells another way" })
        .getByRole("button", { name: "Fix all 4 of this kind" })
        .click();
      const preview = fixes.getByRole("list", { name: "Cells to change" });
      await preview.waitFor();
      expect(await preview.getByRole("listitem").count()).toBe(4);
      expect(await axe(page)).toEqual([]);
      const size = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
      await fixes.getByRole("region", { name: /^Change 4 cells/ }).screenshot({
        path: path.join(SHOTS, `fixes-preview-320-${theme}.png`),
      });
      await page.screenshot({
        path: path.join(SHOTS, `fixes-pane-320-${theme}.png`),
        fullPage: true,
      });

      await fixes.getByRole("button", { name: "Change 4 cells" }).click();
      await fixes.getByText("Changed 3 cells, logged on the PARS Fixes sheet.").waitFor();
      await fixes.getByText(/holds a formula \(Activities!L4\)/).waitFor();
      // Enabled once the check that follows the fix is done.
      await fixes.getByRole("button", { name: "Undo last fixes", disabled: false }).waitFor();
      await fixes
        .getByRole("listitem")
        .filter({ hasText: "Web addresses" })
        .getByRole("button", { name: "Fix all 1 of this kind" })
        .click();
      await fixes.getByRole("button", { name: "Change 1 cell" }).click();
      await fixes.getByText("Changed 1 cell, logged on the PARS Fixes sheet.").waitFor();
      await fixes
        .getByRole("listitem")
        .filter({ hasText: "Dates typed as text" })
        .getByRole("button", { name: "Fix all 2 of this kind" })
        .click();
      await fixes.getByRole("button", { name: "Change 2 cells" }).click();
      await fixes.getByText("Changed 2 cells, logged on the PARS Fixes sheet.").waitFor();
      // Real dates now: 06/30/2025 and 03/15/2025 as serial numbers, formatted MM/DD/YYYY.
      expect(await endDates(page)).toEqual([
        [45838, "mm/dd/yyyy"],
        [45731, "mm/dd/yyyy"],
      ]);
      expect(await cells(page)).not.toBe(before);

      await undo.click();
      await fixes.getByText("Put the old values back in 2 cells.").waitFor();
      expect(await endDates(page)).toEqual([
        ["2025-06-30", "@"],
        ["03/15/2025", undefined],
      ]);
      await fixes.getByRole("button", { name: "Undo last fixes", disabled: false }).click();
      await fixes.getByText("Put the old value back in 1 cell.").waitFor();
      await fixes.getByRole("button", { name: "Undo last fixes", disabled: false }).click();
      await fixes.getByText("Put the old values back in 3 cells.").waitFor();
      expect(await cells(page)).toBe(before);
      // Every batch undone: Undo is off again, and stays off once the check that follows is done.
      expect(await undo.isDisabled()).toBe(true);
      await fixes
        .getByRole("listitem")
        .filter({ hasText: "Values PARS spells another way" })
        .getByRole("button", { name: "Fix all 4 of this kind", disabled: false })
        .waitFor();
      expect(await undo.isDisabled()).toBe(true);
      await fixes.screenshot({ path: path.join(SHOTS, `fixes-undone-320-${theme}.png`) });
      expect(await cells(page)).toBe(before);
      expect(errors).toEqual([]);
      await page.close();
    }
  );
});
