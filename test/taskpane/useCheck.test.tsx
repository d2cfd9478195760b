import { act, renderHook, waitFor } from "@testing-library/react";
import type { SheetChange } from "../../src/excel/changePlan";
import { excelProblem } from "../../src/excel/excelErrors";
import type { CheckPass } from "../../src/excel/WorkbookGateway";
import type { WorkbookPort } from "../../src/taskpane/deps";
import { passOf, useCheck } from "../../src/taskpane/hooks/useCheck";
import { ALL_CAPABILITIES } from "../support/renderPane";
import { TODAY } from "../support/builders";

const PASS: CheckPass = {
  outcome: { ok: false, problem: "no_activities_table" },
  source: { tables: [], sheets: [], dateSystem: 1900 },
  layouts: [],
  marks: null,
  markProblem: null,
  rowsRead: 0,
};

/** A workbook port that records calls and lets the test fire edits. */
function recordingPort() {
  let listener: ((c: SheetChange) => void) | null = null;
  const rechecks: SheetChange[][] = [];
  const port: WorkbookPort = {
    capabilities: ALL_CAPABILITIES,
    check: () => Promise.resolve(PASS),
    recheck: (changes) => {
      rechecks.push([...changes]);
      return Promise.resolve({ ...PASS, rowsRead: changes.length });
    },
    clearHighlights: () => Promise.resolve(0),
    select: () => Promise.reject(excelProblem("table_gone")),
    watch: (l) => {
      listener = l;
      return Promise.resolve(() => Promise.resolve());
    },
    insertTables: () => Promise.reject(new Error("not used")),
    selectedActivityRows: () => Promise.reject(new Error("not used")),
    loggedExports: () => Promise.reject(new Error("not used")),
    recordExport: () => Promise.reject(new Error("not used")),
    applyFixes: () => Promise.reject(new Error("not used")),
    undoLastFixes: () => Promise.reject(new Error("not used")),
  };
  const edit = (address: string) =>
    listener?.({ sheetId: "s", address, changeType: "RangeEdited" });
  return { port, rechecks, edit };
}

describe("useCheck", () => {
  it("re-checks a burst of edits once, after the pause", async () => {
    const { port, rechecks, edit } = recordingPort();
    const { result } = renderHook(() => useCheck(port, 30));
    await act(() => result.current.check({ today: TODAY }));
    expect(result.current.live).toBe(true);
    act(() => {
      edit("A2");
      edit("B2");
      edit("C3");
    });
    expect(rechecks).toEqual([]);
    await waitFor(() => expect(rechecks).toHaveLength(1));
    expect(rechecks[0]?.map((c) => c.address)).toEqual(["A2", "B2", "C3"]);
    await waitFor(() => expect(passOf(result.current.state)?.rowsRead).toBe(3));
    expect(result.current.state.status).toBe("done");
  });

  it("keeps the last result on show when going to a finding fails", async () => {
    const { port } = recordingPort();
    const { result } = renderHook(() => useCheck(port, 30));
    await act(() => result.current.check({ today: TODAY }));
    await act(() =>
      result.current.select({ table: "Activities", sheet: "Gone", row: 2, column: "Title" })
    );
    const state = result.current.state;
    expect(state.status).toBe("failed");
    expect(state.status === "failed" && state.error.remedy).toMatch(/Run Check again/);
    expect(passOf(state)).toBe(PASS);
  });
});

describe("useCheck while the first check runs", () => {
  it("re-checks an edit made during the first check, once it ends", async () => {
    const { port, rechecks, edit } = recordingPort();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: WorkbookPort = { ...port, check: () => gate.then(() => PASS) };
    const { result } = renderHook(() => useCheck(slow, 30));
    let checking: Promise<void> = Promise.resolve();
    act(() => {
      checking = result.current.check({ today: TODAY });
    });
    await waitFor(() => expect(result.current.state.status).toBe("running"));
    await waitFor(() => expect(result.current.live).toBe(true));
    act(() => edit("D7"));
    expect(rechecks).toEqual([]);
    await act(async () => {
      release();
      await checking;
    });
    await waitFor(() => expect(rechecks).toHaveLength(1));
    expect(rechecks[0]?.map((c) => c.address)).toEqual(["D7"]);
  });
});
