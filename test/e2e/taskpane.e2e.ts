// The built task pane in headless Chromium over an in-memory Excel: the same fake host the adapter
// tests use, compiled for the page, behind the fake office.js. Checks the workbook, goes to a
// finding, sees an edit re-checked live, runs axe-core on the result, and keeps screenshots in
// light and dark themes; by row, a row failing only for a missing column has its own group.
import path from "node:path";
import type { Page } from "playwright-core";
import { installFakeOffice } from "./fakeOffice";
import { ACTIVITIES, axe, paneBrowser, SHOTS, SUPPORT, workbookScript } from "./paneHost";
import { ACTIVITY_HEADERS, cellsOf, SUPPORT_HEADERS } from "../support/builders";

const pane = paneBrowser();

async function openPane(
  theme: "light" | "dark",
  tables?: Parameters<typeof workbookScript>[0]["tables"]
): Promise<{ page: Page; errors: string[] }> {
  const page = await pane.browser.newPage({ viewport: { width: 360, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await installFakeOffice(page, {
    excel: workbookScript(tables === undefined ? { theme } : { theme, tables }),
  });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByRole("heading", { name: "PARS Ready" }).waitFor();
  return { page, errors };
}

describe("the task pane in Chromium over a fake Excel", () => {
  it.each(["light", "dark"] as const)(
    "checks the workbook, goes to a finding, re-checks an edit and passes axe (%s theme)",
    async (theme) => {
      const { page, errors } = await openPane(theme);
      await page.getByRole("button", { name: "Check" }).click();
      await page.getByRole("heading", { name: "At a glance" }).waitFor();
      const counts = page.getByRole("list", { name: "Counts" });
      await counts.getByText("1 failing their status").waitFor();
      // Findings come by cause: open the missing values, then go to one.
      await page.getByRole("button", { name: /^Required value missing/ }).click();
      await page.getByRole("button", { name: /^Error Credits:/ }).click();
      await page.waitForFunction(
        () =>
          (window as unknown as { __workbook: { selected: { address: string } | null } }).__workbook
            .selected?.address === "M3"
      );
      const marks = await page.evaluate(
        () =>
          (
            window as unknown as {
              __workbook: { sheet: (n: string) => { conditionalFormats: unknown[] } };
            }
          ).__workbook.sheet("Activities").conditionalFormats.length
      );
      expect(marks).toBe(3);
      // An edit in the sheet is re-checked once typing pauses, without pressing Check.
      await page.evaluate(() =>
        (
          window as unknown as {
            __workbook: { userEdit: (s: string, a: string, v: unknown[][]) => Promise<void> };
          }
        ).__workbook.userEdit("Activities", "J3", [["Chicago"]])
      );
      await counts.getByText("1 error", { exact: true }).waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `taskpane-${theme}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  );

  it("by row, gives a row failing only for a missing column its group, pointing to the header", async () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "Credits");
    const { page, errors } = await openPane("light", [
      ["Activities", [headers, ...ACTIVITIES.map((r) => cellsOf(headers, r))]],
      ["Support", [SUPPORT_HEADERS, ...SUPPORT.map((r) => cellsOf(SUPPORT_HEADERS, r))]],
    ]);
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByRole("heading", { name: "At a glance" }).waitFor();
    await page.getByRole("combobox", { name: "Group by" }).selectOption("row");
    const list = page.getByRole("list", { name: "Findings" });
    // A-1 lacks nothing but the Credits column: it still has a group of its own.
    const a1 = list.getByRole("listitem").filter({ hasText: /^▾ Row 2 · A-1/ });
    await a1
      .getByText("Not ready for Closed: needs Credits (no such column: see header row 1).")
      .waitFor();
    await list
      .getByRole("button", { name: /^Error Credits: The Activities table has no Credits column/ })
      .first()
      .click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __workbook: { selected: { address: string } | null } }).__workbook
          .selected?.address === "A1"
    );
    expect(await axe(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.join(SHOTS, "taskpane-missing-column-by-row.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
