import { documentSettings, SettingsSaveError } from "../../src/excel/documentSettings";

type Result = { status: string; error: { message: string } };

/** Office.Settings in memory; `fail` makes the next save fail as a read-only workbook would. */
function fakeSettings(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  const saved: Record<string, unknown>[] = [];
  const store = {
    fail: null as string | null,
    saved,
    get: (k: string) => values.get(k) ?? null,
    set: (k: string, v: unknown) => void values.set(k, v),
    remove: (k: string) => void values.delete(k),
    saveAsync: (callback: (r: Result) => void) => {
      if (store.fail !== null) callback({ status: "failed", error: { message: store.fail } });
      else {
        saved.push(Object.fromEntries(values));
        callback({ status: "succeeded", error: { message: "" } });
      }
    },
  };
  return store;
}

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
});

afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe("documentSettings", () => {
  it("reads nothing set as the defaults", () => {
    const store = documentSettings(fakeSettings() as unknown as Office.Settings);
    expect(store.read()).toEqual({ providerId: "", asOf: null });
  });

  it("saves to the workbook and reads back what it saved", async () => {
    const raw = fakeSettings();
    const store = documentSettings(raw as unknown as Office.Settings);
    await store.write({ providerId: "1234567", asOf: "2025-03-31" });
    expect(raw.saved).toEqual([
      { "parsReady.providerId": "1234567", "parsReady.asOf": "2025-03-31" },
    ]);
    expect(store.read()).toEqual({ providerId: "1234567", asOf: "2025-03-31" });
    await store.write({ providerId: "", asOf: null });
    expect(raw.saved.at(-1)).toEqual({});
  });

  it("reads a malformed stored value as unset", () => {
    const store = documentSettings(
      fakeSettings({
        "parsReady.providerId": "12-34",
        "parsReady.asOf": "31/03/2025",
      }) as unknown as Office.Settings
    );
    expect(store.read()).toEqual({ providerId: "", asOf: null });
  });

  it("rejects with the host's reason when the save fails", async () => {
    const raw = fakeSettings();
    raw.fail = "The document is read-only.";
    const store = documentSettings(raw as unknown as Office.Settings);
    const error = await store.write({ providerId: "1234567", asOf: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect((error as Error).message).toBe("The document is read-only.");
  });
});
