import { SettingsSaveError } from "../../src/excel/documentSettings";
import { localIsoDate, officeDeps } from "../../src/taskpane/deps";

const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe("officeDeps", () => {
  it("turns every feature off outside Excel, and says settings cannot be saved without a workbook", async () => {
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    const deps = officeDeps();
    expect(deps.workbook.capabilities).toEqual({
      check: false,
      highlight: false,
      live: false,
      insertTables: false,
    });
    expect(deps.settings.read()).toEqual({ providerId: "", asOf: null });
    await expect(deps.settings.write({ providerId: "1234567", asOf: null })).rejects.toBeInstanceOf(
      SettingsSaveError
    );
    // The Year end view's amounts: none entered, and a save that says why it cannot.
    expect(deps.yearEnd.amounts.read(2025).registrationFees).toBeNull();
    await expect(
      deps.yearEnd.amounts.write(2025, deps.yearEnd.amounts.read(2025))
    ).rejects.toBeInstanceOf(SettingsSaveError);
  });

  it("asks Excel which API sets it has", () => {
    const asked: string[] = [];
    g.Excel = { run: () => Promise.resolve() };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return version !== "1.9";
          },
        },
        document: { settings: { get: () => null } },
      },
    };
    expect(officeDeps().workbook.capabilities).toEqual({
      check: true,
      highlight: false,
      live: false,
      insertTables: true,
    });
    expect(asked).toContain("ExcelApi 1.9");
  });
});

describe("localIsoDate", () => {
  it("is the local calendar day, zero-padded", () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});
