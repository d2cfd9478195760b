// The Year end tab of the built pane in headless Chromium over the example workbook: the 2025
// checklist and the bars by format, and a checklist row that moves Excel's selection. The page's
// clock is fixed on a February day, so the year due is 2025 whatever day the test runs. Its
// layout at 320 and 450 px, light and dark, and 200% zoom is tested with the other views in
// paneLayout.e2e.ts.
import path from "node:path";
import type { Page } from "playwright-core";
import { examplePane, paneBrowser, SHOTS } from "./paneHost";

const pane = paneBrowser();

/** The pane over the example workbook on February 10, 2026, its Year end report for 2025 built. */
async function yearEndPane(
  width: number,
  theme: "light" | "dark"
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await examplePane(pane, width, theme);
  await page.getByRole("tab", { name: "Year end" }).click();
  const view = page.getByRole("tabpanel", { name: "Year end" });
  expect(await view.getByRole("combobox", { name: "Reporting year" }).inputValue()).toBe("2025");
  await view.getByRole("button", { name: "Build report" }).click();
  await view.getByRole("heading", { name: "Checklist" }).waitFor();
  return { page, errors };
}

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
    // Opening the Enter step lists the rows that still lack something first: the work left.
    await view
      .getByRole("button", { name: /^Enter the activities that started in 2025: 10 · 3 to do/ })
      .click();
    const notes = await view
      .getByRole("list", { name: "Enter the activities that started in 2025" })
      .getByRole("listitem")
      .allTextContents();
    expect(notes.map((t) => /Lacks /.test(t))).toEqual([
      true,
      true,
      true,
      ...Array<boolean>(7).fill(false),
    ]);
    // The step is folded under its count; opening it lists its rows.
    await view.getByRole("button", { name: /^Close the activities that ended in 2025: / }).click();
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
    await page.screenshot({
      path: path.join(SHOTS, "pane-320-light-year-end-step-open.png"),
      fullPage: true,
      animations: "disabled",
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
