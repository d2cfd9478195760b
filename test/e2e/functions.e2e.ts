// The built add-in in headless Chromium with a fake Office host: taskpane.html, the shared
// runtime's page, must register every PARS function through CustomFunctions.associate (the calls
// the metadata plugin appends to the bundle), and each must answer as Excel would show it when
// called with arguments shaped as Excel passes them.
import type { Browser, Page } from "playwright-core";
import { ACTIVITY_HEADERS, GRAND_ROUNDS } from "../support/builders";
import { DIST, launchChromium, serveStatic } from "./browser";
import { installFakeOffice, type FakeOfficeWindow } from "./fakeOffice";

let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveStatic>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Only the local server and the faked office.js: anything else would mean a stray request.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await installFakeOffice(page);
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("heading", { name: "PARS Ready" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Calls a registered function in the page; an error comes back as { error, message }. */
async function call(id: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, list]) => {
      const fn = (window as unknown as FakeOfficeWindow).__fakeOffice.functions.get(name);
      if (fn === undefined) throw new Error(`${name} is not registered`);
      const cf = (window as unknown as { CustomFunctions: { Error: new () => Error } })
        .CustomFunctions;
      const shape = (v: unknown): unknown =>
        v instanceof cf.Error
          ? { error: (v as unknown as { code: string }).code, message: v.message }
          : Array.isArray(v)
            ? v.map(shape)
            : v;
      return shape(fn(...list));
    },
    [id, args] as const
  );
}

const headers = [ACTIVITY_HEADERS];
const grandRounds = [ACTIVITY_HEADERS.map((h) => GRAND_ROUNDS[h] ?? "")];

describe("taskpane.html in Chromium with a fake Office host", () => {
  it("renders the pane without a script error", () => {
    expect(pageErrors).toEqual([]);
  });

  it("registers every PARS function, once", async () => {
    const ids = await page.evaluate(() =>
      [...(window as unknown as FakeOfficeWindow).__fakeOffice.associateCalls].sort()
    );
    expect(ids).toEqual(
      [
        "CREDITS",
        "FORMAT",
        "LEARNERS",
        "LEARNER_TOTAL",
        "MISSING",
        "NPI_OK",
        "PERIODS",
        "RSS_CREDITS",
        "SPAN_OK",
        "STATUS",
      ].sort()
    );
  });

  // Arguments as Excel passes them: a range (even one cell) as a 2-D array, an omitted optional
  // argument as null, an empty cell as "", a date cell as its serial.
  it.each([
    ["RSS_CREDITS", [[[1]], 52], 52],
    ["RSS_CREDITS", [[[1], [1.5], [""]], null], 2.5],
    ["LEARNER_TOTAL", [[[20]], 52], 1040],
    [
      "LEARNERS",
      [
        "RSS",
        [
          ["A", "B"],
          ["A", ""],
        ],
      ],
      3,
    ],
    [
      "LEARNERS",
      [
        "MR",
        [
          ["A", "B"],
          ["a", ""],
        ],
      ],
      2,
    ],
    ["CREDITS", [30, null], 0.5],
    ["CREDITS", [2, "hours"], 2],
    ["STATUS", [headers, grandRounds, "2025-11-25"], "Closed"],
    ["STATUS", [headers, grandRounds, 45000], "Active"],
    ["MISSING", [headers, grandRounds, null, "2025-11-25"], ""],
    ["MISSING", [headers, grandRounds, "Active", "2025-11-25"], "End Date not in the past"],
    ["SPAN_OK", ["EM", "07/01/2023", "12/31/2024"], true],
    ["SPAN_OK", ["RSS", 45474, 45900], false],
    [
      "PERIODS",
      ["RSS", "07/01/2024", "12/31/2025"],
      [
        [45474, 45838],
        [45839, 46022],
      ],
    ],
    ["FORMAT", ["iem"], "Enduring Material"],
    ["NPI_OK", [1234567893], true],
    ["NPI_OK", ["1234567890"], false],
  ])("%s, case %#, gives %j", async (id, args, want) => {
    expect(await call(id, ...args)).toEqual(want);
  });

  it.each([
    ["RSS_CREDITS", [[[1]], "weekly"], "Sessions must be a whole number, got 'weekly'"],
    ["LEARNER_TOTAL", [[["twenty"]], 52], "Learners must be a whole number, got 'twenty'"],
    ["LEARNERS", ["Grand Rounds", [["A"]]], "Format 'Grand Rounds' is not a PARS format"],
    ["CREDITS", [30, "days"], `Unit must be "minutes" or "hours", got 'days'`],
    ["STATUS", [[["a", "b"]], [["c", "d"]], null], "Headers must be the Activities header row"],
    ["MISSING", [headers, grandRounds, "Finished", null], "Status must be Draft, Active"],
    ["SPAN_OK", ["RSS", "soon", "06/30/2025"], "Start must be a date"],
    ["FORMAT", ["Lecture"], "Format 'Lecture' is not a PARS format name or code"],
  ])("%s, case %#, is #VALUE! saying %j", async (id, args, message) => {
    const result = (await call(id, ...args)) as { error: string; message: string };
    expect(result.error).toBe("#VALUE!");
    expect(result.message).toContain(message);
  });

  it("spills a PERIODS error as one cell", async () => {
    expect(await call("PERIODS", "RSS", "12/31/2025", "07/01/2024")).toEqual([
      [{ error: "#VALUE!", message: "End 07/01/2024 is before Start 12/31/2025" }],
    ]);
  });
});
