// The Year end tab of the built pane in headless Chromium over the example workbook: the 2025
// checklist and the bars by format, a checklist row that moves Excel's selection, nothing off the
// side at 320 and 450 px and at 200% zoom, axe clean in light and dark. The page's clock is fixed
// on a February day, so the year due is 2025 whatever day the test runs. Screenshots land in
// test-results/ for a person to look at.
import path from "node:path";
import type { Page } from "playwright-core";
import { installFakeOffice } from "./fakeOffice";
import { axe, exampleTables, paneBrowser, SHOTS, workbookScript } from "./paneHost";

const pane = paneBrowser();

/** The pane over the example workbook on February 10, 2026, its Year end report for 2025 built. */
async function yearEndPane(
  width: number,
  theme: "light" | "dark",
  zoom: 1 | 2 = 1
): Promise<{ page: Page; errors: string[] }> {
  const page = await pane.browser.newPage({
    viewport: { width: width / zoom, height: 800 / zoom },
    deviceScaleFactor: zoom,
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.clock.setFixedTime(new Date(2026, 1, 10, 9, 0));
  await installFakeOffice(page, { excel: workbookScript({ theme, tables: exampleTables() }) });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByRole("tab", { name: "Year end" }).click();
  const view = page.getByRole("tabpanel", { name: "Year end" });
  expect(await view.getByRole("combobox", { name: "Reporting year" }).inputValue()).toBe("2025");
  await view.getByRole("button", { name: "Build report" }).click();
  await view.getByRole("heading", { name: "Checklist" }).waitFor();
  return { page, errors };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const selected = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __workbook: { selected: { sheet: string; address: string } | null };
        }
      ).__workbook.selected
  );

describe("the Year end tab with the example workbook", () => {
  it("shows the checklist and bars, and a checklist row moves the selection", async () => {
    const { page, errors } = await yearEndPane(320, "light");
    const view = page.getByRole("tabpanel", { name: "Year end" });
    const counts = view.getByRole("list", { name: "Checklist counts" });
    expect(await counts.getByRole("listitem").count()).toBe(4);
    const formats = view.getByRole("list", { name: "Activities by format" });
    expect(await formats.getByRole("listitem").count()).toBeGreaterThan(1);
    await view.getByRole("list", { name: "Learners by format" }).waitFor();
    const toClose = view.getByRole("list", { name: "Close the activities that ended in 2025" });
    const rows = toClose.getByRole("button");
    expect(await rows.count()).toBeGreaterThan(1);
    // Each row names its sheet row; the selection goes to that row's first cell.
    for (const i of [0, 1]) {
      const text = (await rows.nth(i).textContent()) ?? "";
      const row = /^Row (\d+)/.exec(text)?.[1];
      expect(row).toBeDefined();
      await rows.nth(i).click();
      await page.waitForFunction(
        (address) =>
          (window as unknown as { __workbook: { selected: { address: string } | null } }).__workbook
            .selected?.address === address,
        `A${row ?? ""}`
      );
      expect(await selected(page)).toEqual({ sheet: "Activities", address: `A${row ?? ""}` });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const width of [320, 450]) {
    for (const theme of ["light", "dark"] as const) {
      it(`runs nothing off the side at ${String(width)} px, ${theme}, and passes axe`, async () => {
        const { page, errors } = await yearEndPane(width, theme);
        await page.screenshot({
          path: path.join(SHOTS, `pane-${String(width)}-${theme}-year-end.png`),
          fullPage: true,
        });
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        expect(await axe(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it.each(["light", "dark"] as const)(
    "runs nothing off the side at 200%% zoom in a 320 px pane, and passes axe (%s)",
    async (theme) => {
      const { page, errors } = await yearEndPane(320, theme, 2);
      await page.screenshot({
        path: path.join(SHOTS, `pane-zoom200-${theme}-year-end.png`),
        fullPage: true,
      });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  );
});
