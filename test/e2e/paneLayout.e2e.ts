// The pane's layout in headless Chromium with the example workbook, at Excel's task-pane widths
// (320 and 450 CSS px), light and dark, and at 200% zoom: each view fits two screens, nothing runs
// off the side, axe finds nothing, the findings list is one tab stop, and the page may load
// nothing from outside. Screenshots land in test-results/ for a person to look at.
import path from "node:path";
import type { Page } from "playwright-core";
import { installFakeOffice } from "./fakeOffice";
import { axe, exampleTables, paneBrowser, SHOTS, workbookScript } from "./paneHost";

const pane = paneBrowser();

/**
 * The pane over the example workbook, checked. 200% zoom in a pane `width` wide is a CSS viewport
 * half as wide and high at twice the pixel density.
 */
async function checkedPane(
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
  await installFakeOffice(page, { excel: workbookScript({ theme, tables: exampleTables() }) });
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("heading", { name: "At a glance" }).waitFor();
  return { page, errors };
}

const VIEWS = ["Findings", "Export", "Settings"] as const;

async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tabpanel", { name }).waitFor();
}

const pageSize = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    bodyMargin: getComputedStyle(document.body).margin,
    bodyBackground: getComputedStyle(document.body).backgroundColor,
  }));

describe("the pane's layout with the example workbook", () => {
  for (const width of [320, 450]) {
    for (const theme of ["light", "dark"] as const) {
      it(`fits each view in two screens at ${String(width)} px, ${theme}, and passes axe`, async () => {
        const { page, errors } = await checkedPane(width, theme);
        for (const view of VIEWS) {
          await showView(page, view);
          const size = await pageSize(page);
          await page.screenshot({
            path: path.join(SHOTS, `pane-${String(width)}-${theme}-${view.toLowerCase()}.png`),
            fullPage: true,
          });
          expect({ view, height: size.height <= 1600 }).toEqual({ view, height: true });
          expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
          expect(size.bodyMargin).toBe("0px");
          // The theme's own background behind the pane: no white frame in dark.
          expect(size.bodyBackground).toBe(
            theme === "dark" ? "rgb(41, 41, 41)" : "rgb(255, 255, 255)"
          );
          expect({ view, violations: await axe(page) }).toEqual({ view, violations: [] });
        }
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it.each(["light", "dark"] as const)(
    "runs nothing off the side at 200%% zoom in a 320 px pane (%s)",
    async (theme) => {
      const { page, errors } = await checkedPane(320, theme, 2);
      for (const view of VIEWS) {
        await showView(page, view);
        if (view === "Findings") {
          // Open the largest group too: its findings are the longest lines.
          await page.getByRole("list", { name: "Findings" }).getByRole("button").first().click();
        }
        const size = await pageSize(page);
        await page.screenshot({
          path: path.join(SHOTS, `pane-zoom200-${theme}-${view.toLowerCase()}.png`),
          fullPage: true,
        });
        expect({ view, fits: size.scrollWidth <= size.clientWidth }).toEqual({ view, fits: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  );

  it("keeps the findings list to one tab stop, with arrow keys inside", async () => {
    const { page } = await checkedPane(320, "light");
    const list = page.getByRole("list", { name: "Findings" });
    const lines = await list.getByRole("button").count();
    expect(lines).toBeGreaterThan(1);
    await list.getByRole("button").first().focus();
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(second).toBe(await list.getByRole("button").nth(1).textContent());
    // One Tab leaves the list, wherever focus was in it.
    await page.keyboard.press("Tab");
    const inList = await page.evaluate(
      () => document.activeElement?.closest('[aria-label="Findings"]') !== null
    );
    expect(inList).toBe(false);
    await page.close();
  });

  it("lets the page reach no origin but its own and office.js's", async () => {
    const { page } = await checkedPane(320, "light");
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) =>
            resolve(`${e.violatedDirective} ${e.blockedURI}`)
          );
          fetch("https://example.com/beacon").catch(() => undefined);
        })
    );
    expect(blocked).toBe("connect-src https://example.com/beacon");
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    await page.close();
  });
});
