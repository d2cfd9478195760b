// The pane's layout in headless Chromium with the example workbook, at Excel's task-pane widths
// (320 and 450 CSS px), light and dark, and at 200% zoom: each of the four views (Year end with
// its report built) fits two screens, the tabs share one line, nothing runs off the side, no
// select cuts its chosen text at 200%, no chart cuts a label, axe finds nothing, the findings
// list is one tab stop, and the page may load nothing from outside. Screenshots land in test-results/ for a person to look at.
import path from "node:path";
import type { Page } from "playwright-core";
import { axe, examplePane, paneBrowser, SHOTS } from "./paneHost";

const pane = paneBrowser();

/** The pane over the example workbook, checked, with its Year end report for 2025 built. */
async function checkedPane(
  width: number,
  theme: "light" | "dark",
  zoom: 1 | 2 = 1
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await examplePane(pane, width, theme, zoom);
  await installTextWidth(page);
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("heading", { name: "At a glance" }).waitFor();
  await showView(page, "Year end");
  const yearEnd = page.getByRole("tabpanel", { name: "Year end" });
  await yearEnd.getByRole("button", { name: "Build report" }).click();
  await yearEnd.getByRole("heading", { name: "Checklist" }).waitFor();
  await showView(page, "Findings");
  return { page, errors };
}

/** The page's `__textWidth`, put there by `installTextWidth`. */
type TextWidthWindow = { __textWidth: (text: string, style: CSSStyleDeclaration) => number };

/**
 * Gives the page `__textWidth(text, style)`: the width of `text` on one line in the font of
 * `style`, measured in a span of its own. A native select and a label cut with an ellipsis leave
 * no scrollWidth to see, so the select and chart checks below measure their text with it.
 */
const installTextWidth = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as TextWidthWindow).__textWidth = (text, style) => {
      const span = document.createElement("span");
      span.textContent = text;
      Object.assign(span.style, {
        position: "absolute",
        whiteSpace: "pre",
        fontFamily: style.fontFamily,
        fontSize: style.fontSize,
        fontWeight: style.fontWeight,
        letterSpacing: style.letterSpacing,
      });
      document.body.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
  });

const VIEWS = ["Findings", "Export", "Year end", "Settings"] as const;

const shotName = (view: string) => view.toLowerCase().replace(/ /g, "-");

async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tabpanel", { name }).waitFor();
}

/** Where each tab sits, and whether the tab list runs past its own box or the window. */
const tabsLayout = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector<HTMLElement>('[role="tablist"]');
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    return {
      tops: [...new Set(tabs.map((t) => t.offsetTop))],
      listOverflow: list === null ? null : list.scrollWidth - list.clientWidth,
      pastWindow: tabs.some(
        (t) => t.getBoundingClientRect().right > document.documentElement.clientWidth
      ),
    };
  });

/**
 * Each shown select's chosen text against the room its box leaves for it (the box less its
 * padding, where the chevron sits): a native select cuts its text without any scrollWidth to
 * show it, so the text is measured with `__textWidth`.
 */
const selectsCut = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLSelectElement>("select")]
      .filter((s) => s.offsetParent !== null)
      .map((s) => {
        const style = getComputedStyle(s);
        const text = s.options[s.selectedIndex]?.text ?? "";
        const width = (window as unknown as TextWidthWindow).__textWidth(text, style);
        const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text, cut: width > room };
      })
      .filter((x) => x.cut)
      .map((x) => x.text)
  );

/** The bar charts, each a list whose items are named "<label>: <counts>". */
const CHARTS = [
  "Rows by the status their data supports",
  "Checklist counts",
  "Activities by format",
  "Learners by format",
] as const;

/**
 * Each shown bar chart: whether its bars sit beside their labels (on one line) or under them (all
 * of one list alike), how many different starts and lengths its tracks have (one, or the bars do not compare),
 * whether the list stays inside its box and the window, and every label not shown whole. A label is whole when it
 * holds the item's full name, runs past neither its own box (scrollWidth, scrollHeight) nor the
 * list's side, is no wider on one line than its box where it may not wrap (an ellipsis leaves
 * no scrollWidth to see on some engines, so the text is measured in a span of the same font),
 * and splits no word over two lines.
 */
const charts = (page: Page) =>
  page.evaluate((names) => {
    const widthOf = (window as unknown as TextWidthWindow).__textWidth;
    return names.flatMap((name) => {
      const list = document.querySelector<HTMLElement>(`ul[aria-label="${name}"]`);
      if (list === null || list.offsetParent === null) return [];
      const side = list.getBoundingClientRect().right;
      const layouts = new Set<string>();
      const scales = new Set<string>();
      const cut: string[] = [];
      for (const item of list.querySelectorAll<HTMLElement>(":scope > li")) {
        const full = (item.getAttribute("aria-label") ?? "").replace(/: .*$/, "");
        const children = [...item.children] as HTMLElement[];
        const label = children.find((c) => c.textContent === full);
        const track = children.find((c) => c.textContent === "");
        if (label === undefined || track === undefined) {
          cut.push(`${full}: not shown whole`);
          continue;
        }
        const style = getComputedStyle(label);
        const box = label.getBoundingClientRect();
        const why = [
          label.scrollWidth > label.clientWidth && "wider than its box",
          label.scrollHeight > label.clientHeight && "taller than its box",
          box.right > side + 0.5 && "past the side",
          /^(nowrap|pre)$/.test(style.whiteSpace) &&
            widthOf(full, style) > label.clientWidth + 0.5 &&
            `cut at ${String(label.clientWidth)} px (${style.textOverflow})`,
          ...full
            .split(" ")
            .map((w) => widthOf(w, style) > label.clientWidth + 0.5 && `"${w}" split`),
        ].filter((x) => x !== false);
        if (why.length > 0) cut.push(`${full}: ${why.join(", ")}`);
        const bar = track.getBoundingClientRect();
        scales.add(`${String(Math.round(bar.left))}+${String(Math.round(bar.width))}`);
        // Beside its bar, a label keeps to one line where the list leaves it room: one that
        // wraps there should have gone above.
        const lines = Math.round(box.height / parseFloat(style.lineHeight));
        layouts.add(
          bar.top >= box.bottom - 0.5
            ? "above"
            : bar.left < box.right
              ? "overlapping"
              : lines > 1
                ? "wrapped beside"
                : "beside"
        );
      }
      const fits =
        list.scrollWidth <= list.clientWidth &&
        list.getBoundingClientRect().right <= document.documentElement.clientWidth;
      return [{ chart: name, labels: [...layouts].join(" and "), scales: scales.size, fits, cut }];
    });
  }, CHARTS);

/**
 * Where each view's labels go: beside their bars where the one-line look fits, above them where
 * a label would not fit beside (the format names in a 320 px pane, every label at 200% zoom).
 */
const LABELS: Record<"320" | "450" | "zoom200", Record<(typeof CHARTS)[number], string>> = {
  "450": {
    "Rows by the status their data supports": "beside",
    "Checklist counts": "beside",
    "Activities by format": "beside",
    "Learners by format": "beside",
  },
  "320": {
    "Rows by the status their data supports": "beside",
    "Checklist counts": "beside",
    "Activities by format": "above",
    "Learners by format": "above",
  },
  zoom200: {
    "Rows by the status their data supports": "above",
    "Checklist counts": "above",
    "Activities by format": "above",
    "Learners by format": "above",
  },
};

/** The charts each view shows, with where their labels go, one scale each and no label cut. */
const expectedCharts = (view: string, at: keyof typeof LABELS) =>
  (view === "Findings"
    ? (["Rows by the status their data supports"] as const)
    : view === "Year end"
      ? (["Checklist counts", "Activities by format", "Learners by format"] as const)
      : []
  ).map((chart) => ({ chart, labels: LABELS[at][chart], scales: 1, fits: true, cut: [] }));

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
        // The four tabs on one line, none past the side.
        expect(await tabsLayout(page)).toEqual({
          tops: [expect.any(Number)],
          listOverflow: 0,
          pastWindow: false,
        });
        for (const view of VIEWS) {
          await showView(page, view);
          const size = await pageSize(page);
          await page.screenshot({
            path: path.join(SHOTS, `pane-${String(width)}-${theme}-${shotName(view)}.png`),
            fullPage: true,
            animations: "disabled",
          });
          // Two screens of 800 px, the header included; the height itself when it is more.
          expect({ view, tooTall: size.height > 1600 && size.height }).toEqual({
            view,
            tooTall: false,
          });
          expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
          expect({ view, charts: await charts(page) }).toEqual({
            view,
            charts: expectedCharts(view, width === 320 ? "320" : "450"),
          });
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
      // The tabs may wrap at 160 CSS px, but none runs past the side.
      const tabs = await tabsLayout(page);
      expect({ listOverflow: tabs.listOverflow, pastWindow: tabs.pastWindow }).toEqual({
        listOverflow: 0,
        pastWindow: false,
      });
      for (const view of VIEWS) {
        await showView(page, view);
        if (view === "Findings") {
          // Open the largest group too: its findings are the longest lines.
          await page.getByRole("list", { name: "Findings" }).getByRole("button").first().click();
        }
        const size = await pageSize(page);
        expect({ view, cut: await selectsCut(page) }).toEqual({ view, cut: [] });
        expect({ view, charts: await charts(page) }).toEqual({
          view,
          charts: expectedCharts(view, "zoom200"),
        });
        await page.screenshot({
          path: path.join(SHOTS, `pane-zoom200-${theme}-${shotName(view)}.png`),
          fullPage: true,
          animations: "disabled",
        });
        expect({ view, fits: size.scrollWidth <= size.clientWidth }).toEqual({ view, fits: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  );

  it("cuts no chart label at any pane width from 160 to 500 px, and each chart keeps one layout", async () => {
    const { page, errors } = await checkedPane(320, "light");
    const seen: ({ width: number; view: string } & Awaited<ReturnType<typeof charts>>[number])[] =
      [];
    const layouts = new Set<string>();
    for (const view of ["Findings", "Year end"]) {
      await showView(page, view);
      for (let width = 160; width <= 500; width += 10) {
        await page.setViewportSize({ width, height: 800 });
        for (const c of await charts(page)) {
          layouts.add(`${c.chart} ${c.labels}`);
          // A chart whose bars sit partly beside and partly under their labels, on tracks of
          // different lengths, past the side, or with a label cut, fails at that width.
          if (!/^(beside|above)$/.test(c.labels) || c.scales !== 1 || !c.fits || c.cut.length > 0) {
            seen.push({ width, view, ...c });
          }
        }
      }
    }
    expect(seen).toEqual([]);
    // Both layouts were met on the way: the sweep crossed each chart's switch.
    expect([...layouts].sort()).toEqual(
      CHARTS.flatMap((chart) => [`${chart} above`, `${chart} beside`]).sort()
    );
    expect(errors).toEqual([]);
    await page.close();
  });

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
