// A fake Office host for browser tests: served in place of office.js, it defines the Office,
// CustomFunctions (and, for tests that give one, Excel) globals that the add-in's pages use.
// Real office.js outside Office resolves onReady with host null and defines no Excel, so it cannot
// exercise anything (../shared/TOOLCHAIN.md). Reusable by every e2e test: the task pane's tests
// pass their own `excel` script to back Excel.run with an in-memory workbook.
import type { Page } from "playwright-core";

/** Where taskpane.html loads office.js from (the Office CDN). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export type FakeOfficeOptions = {
  readonly host?: string;
  readonly platform?: string;
  /** Browser-side JavaScript run after the globals exist, e.g. to define `window.Excel`. */
  readonly excel?: string;
};

/** What the page can reach of the fake: every function registered through associate. */
export type FakeOfficeWindow = {
  __fakeOffice: {
    readonly functions: Map<string, (...args: unknown[]) => unknown>;
    readonly associateCalls: string[];
  };
};

// Runs in the page, serialised with toString(): it may use nothing from this module's scope.
function browserSide(options: { host: string; platform: string }): void {
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const associateCalls: string[] = [];

  class CustomFunctionError extends Error {
    constructor(
      readonly code: string,
      message?: string
    ) {
      super(message);
    }
  }

  const w = window as unknown as Record<string, unknown>;
  w.__fakeOffice = { functions, associateCalls };
  w.CustomFunctions = {
    // associate(id, fn) or associate({ ID: fn, ... }), as the runtime accepts both.
    associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: unknown) {
      const entries =
        typeof id === "string" ? [[id, fn] as const] : Object.entries(id).map(([k, v]) => [k, v]);
      for (const [key, f] of entries) {
        if (typeof f !== "function")
          throw new Error(`associate("${String(key)}") without a function`);
        associateCalls.push(String(key));
        functions.set(String(key).toUpperCase(), f as (...args: unknown[]) => unknown);
      }
    },
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  const info = { host: options.host, platform: options.platform };
  w.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady(callback?: (i: typeof info) => void) {
      const ready = Promise.resolve(info);
      if (callback !== undefined) void ready.then(callback);
      return ready;
    },
    context: { requirements: { isSetSupported: () => true } },
  };
}

/** The script served in place of office.js. */
export function fakeOfficeScript(options: FakeOfficeOptions = {}): string {
  const settings = { host: options.host ?? "Excel", platform: options.platform ?? "OfficeOnline" };
  return `(${browserSide.toString()})(${JSON.stringify(settings)});\n${options.excel ?? ""}`;
}

/** Serves the fake host to `page` wherever it asks for office.js. */
export async function installFakeOffice(
  page: Page,
  options: FakeOfficeOptions = {}
): Promise<void> {
  const body = fakeOfficeScript(options);
  await page.route(OFFICE_JS_URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body })
  );
}
