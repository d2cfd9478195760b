// The in-memory workbook behind the built task pane in the browser tests: the same fake host the
// adapter tests use, compiled for the page, with document settings and the Office flags the pane
// reads. Shared by every task-pane e2e test so they all open the same workbook.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { CellValue } from "../../src/core";
import ts from "typescript";
import { DIST, launchChromium, serveStatic } from "./browser";
import { installFakeOffice } from "./fakeOffice";
import { ACTIVITY_HEADERS, aRow, cellsOf, SUPPORT_HEADERS, typedDate } from "../support/builders";

const ROOT = path.resolve(__dirname, "../..");

/** test/support/fakeExcel.ts as a script for the page: its exports land on window.__fakeExcel. */
function fakeExcelScript(): string {
  const source = readFileSync(path.join(ROOT, "test/support/fakeExcel.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  return `(() => { const exports = {}; ${outputText}; window.__fakeExcel = exports; })();`;
}

/** The workbook's Activities rows: one passes, one fails Closed, one passes with a warning. */
export const ACTIVITIES = [
  aRow({ "Internal ID": "A-1", "Commercial Support": "Yes" }),
  aRow({ "Internal ID": "A-2", City: "", Credits: "" }),
  aRow({ "Internal ID": "A-3", Country: "United States" }),
];
/** The workbook's Support rows. */
export const SUPPORT = [
  { "Internal ID": "A-1", Source: "Acme", "Support Type": "Monetary", Amount: 100 },
];

/**
 * Runs in the page after the fake office.js: an Excel over the two-table workbook (or `tables`),
 * and settings.
 * `platform` is `Office.context.platform`; left out, the pane runs as in a plain browser.
 */
export function workbookScript(options: {
  theme?: "light" | "dark";
  platform?: "OfficeOnline" | "PC" | "Mac";
  /** Other Excel tables to open, each on a sheet of its name, instead of the two-table workbook. */
  tables?: readonly (readonly [string, readonly (readonly unknown[])[]])[];
}): string {
  const tables = options.tables ?? [
    ["Activities", [ACTIVITY_HEADERS, ...ACTIVITIES.map((r) => cellsOf(ACTIVITY_HEADERS, r))]],
    ["Support", [SUPPORT_HEADERS, ...SUPPORT.map((r) => cellsOf(SUPPORT_HEADERS, r))]],
  ];
  const background = options.theme === "dark" ? "#262626" : "#ffffff";
  return `${fakeExcelScript()}
(() => {
  const { FakeExcel, areaAddress } = window.__fakeExcel;
  const fake = new FakeExcel();
  for (const [name, values] of ${JSON.stringify(tables)}) {
    const sheet = fake.addSheet(name);
    fake.setValues(sheet, 0, 0, values);
    fake.addTable(name, sheet, areaAddress({ r0: 0, c0: 0, nr: values.length, nc: values[0].length }));
  }
  window.__workbook = fake;
  window.Excel = { run: (batch, context) => fake.run(batch, context) };
  const stored = new Map();
  Office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  Office.context.officeTheme = { bodyBackgroundColor: ${JSON.stringify(background)} };
  ${options.platform === undefined ? "" : `Office.context.platform = ${JSON.stringify(options.platform)};`}
  Office.context.document = {
    settings: {
      get: (k) => (stored.has(k) ? stored.get(k) : null),
      set: (k, v) => void stored.set(k, v),
      remove: (k) => void stored.delete(k),
      saveAsync: (callback) => callback({ status: "succeeded" }),
    },
  };
})();`;
}

/** examples/activities.source.json as the fake Excel's tables, each on a sheet of its name. */
export function exampleTables(): [string, unknown[][]][] {
  const source = JSON.parse(
    readFileSync(path.join(ROOT, "examples/activities.source.json"), "utf8")
  ) as Record<string, unknown>;
  const out: [string, unknown[][]][] = [];
  for (const name of ["Activities", "Support", "MOC", "Sessions"]) {
    const rows = source[name] as Record<string, unknown>[];
    const headers: string[] = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
    // Dates as the date cells examples/activities.xlsx holds (npm run example writes them so).
    const cells = rows.map((r) => headers.map((h) => typedDate(h, (r[h] ?? "") as CellValue)));
    out.push([name, [headers, ...cells]]);
  }
  return out;
}

type AxeResult = { violations: { id: string; impact: string; nodes: unknown[] }[] };

const htmlOf = (node: unknown): string =>
  typeof node === "object" && node !== null && "html" in node ? String(node.html) : "";

/**
 * axe-core's violations on the page as it is now. Evaluated rather than added as a script tag:
 * the pane's Content-Security-Policy refuses inline scripts, as it should.
 */
export async function axe(page: Page): Promise<AxeResult["violations"]> {
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run()
  );
  // Fluent's arrow-key groups (the tab list) put Tabster's focus sentinels around themselves:
  // focusable by design, hidden from screen readers, and passed on at once. axe cannot tell them
  // from a real hidden control (microsoft/tabster#288), so they alone are left out of that rule.
  return result.violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? { ...v, nodes: v.nodes.filter((node) => !/data-tabster-dummy/.test(htmlOf(node))) }
        : v
    )
    .filter((v) => v.nodes.length > 0);
}

/** Where the browser tests leave screenshots for a person to look at. */
export const SHOTS = path.resolve(__dirname, "../../test-results");

/**
 * One Chromium and one server of the built pane for a test file: started before its tests and
 * closed after them. Read `browser` and `url` inside a test, once they exist.
 */
export function paneBrowser(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveStatic(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error("the browser starts in beforeAll");
      return browser;
    },
    get url(): string {
      if (server === undefined) throw new Error("the server starts in beforeAll");
      return server.url;
    },
  };
}

/**
 * A page of the built pane over the example workbook, `width` CSS px wide and 800 high, its clock
 * fixed on February 10, 2026 (a week of year-end work: the year due is 2025 whatever day the test
 * runs), nothing outside reachable, and the page's errors collected. 200% zoom in a pane `width`
 * wide is a CSS viewport half as wide and high at twice the pixel density.
 */
export async function examplePane(
  pane: { readonly browser: Browser; readonly url: string },
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
  return { page, errors };
}
