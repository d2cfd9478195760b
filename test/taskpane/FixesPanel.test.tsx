import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FIXES_LOG_HEADERS, FIXES_SHEET } from "../../src/excel/applyFixes";
import type { WorkbookGateway } from "../../src/excel/WorkbookGateway";
import { ACTIVITY_HEADERS, aRow } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet } from "../support/fakeWorkbooks";
import { renderPane } from "../support/renderPane";

const COUNTRY = ACTIVITY_HEADERS.indexOf("Country");
const STATE = ACTIVITY_HEADERS.indexOf("State");
const letter = (i: number) => String.fromCharCode(65 + i);

/** Two rows spelling the country out and one spelling the state out. */
function workbook() {
  const fake = new FakeExcel();
  const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
    aRow({ "Internal ID": "A-1", Country: "United States" }),
    aRow({ "Internal ID": "A-2", Country: "United States" }),
    aRow({ "Internal ID": "A-3", State: "Illinois" }),
  ]);
  return { fake, sheet };
}

// The section by its heading's ID: a role query over the whole pane is slow in jsdom.
const fixes = () => {
  const section = document.querySelector<HTMLElement>('section[aria-labelledby="fixes-heading"]');
  if (section === null) throw new Error("no Fixes section");
  return section;
};

const undoButton = () => within(fixes()).getByRole("button", { name: "Undo last fixes" });

/** Renders the pane and waits for its one look at the fixes log, as the pane opens. */
async function renderAndLook(fake: FakeExcel, read?: () => Promise<number>) {
  let probe: jest.SpiedFunction<WorkbookGateway["fixBatchesToUndo"]> | null = null;
  renderPane(fake, {
    workbook: (g) => {
      probe = jest.spyOn(g, "fixBatchesToUndo");
      if (read !== undefined) probe.mockImplementation(read);
      return g;
    },
  });
  await act(async () => {
    const looked = probe?.mock.results[0]?.value as Promise<number> | undefined;
    // A refused read is one of the cases under test: only its settling is awaited here.
    await looked?.catch(() => undefined);
  });
  expect(probe).toHaveBeenCalledTimes(1);
}

async function checkNow() {
  await userEvent.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByRole("heading", { name: "Fixes" });
}

describe("fixes in the pane", () => {
  it("lists Yes/No variants and text dates as kinds of their own, and fixes a date as a date", async () => {
    const fake = new FakeExcel();
    const END = ACTIVITY_HEADERS.indexOf("End Date");
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1", MOC: "n", "End Date": "2025-06-30" }),
    ]);
    const before = JSON.stringify([sheet.rows, [...sheet.numberFormats]]);
    renderPane(fake);
    await checkNow();
    const kinds = within(fixes()).getByRole("list", { name: "Fixes by kind" });
    expect(
      within(kinds)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      "Values PARS spells another way (1)Fix all 1 of this kind",
      "Dates typed as text (1)Fix all 1 of this kind",
    ]);
    await userEvent.click(
      within(within(kinds).getAllByRole("listitem")[1] as HTMLElement).getByRole("button", {
        name: "Fix all 1 of this kind",
      })
    );
    const list = within(fixes()).getByRole("list", { name: "Cells to change" });
    expect(within(list).getByRole("listitem").textContent).toBe(
      `Activities!${letter(END)}2: “2025-06-30” becomes “06/30/2025”"2025-06-30" is text; write it as the date 06/30/2025.`
    );
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 1 cell" }));
    await within(fixes()).findByText("Changed 1 cell, logged on the PARS Fixes sheet.");
    expect(sheet.rows[1]?.[END]).toBe(45838);
    expect(sheet.numberFormats.get(`1,${String(END)}`)).toBe("mm/dd/yyyy");
    await userEvent.click(within(fixes()).getByRole("button", { name: "Undo last fixes" }));
    await within(fixes()).findByText("Put the old value back in 1 cell.");
    expect(JSON.stringify([sheet.rows, [...sheet.numberFormats]])).toBe(before);
  });

  it("previews every cell of a kind, with its old and new value and why, before changing any", async () => {
    const { fake, sheet } = workbook();
    renderPane(fake);
    await checkNow();
    expect(within(fixes()).getByText(/^3 cells can be written as PARS expects/)).toBeTruthy();
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix all 3 of this kind" }));
    const list = within(fixes()).getByRole("list", { name: "Cells to change" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      `Activities!${letter(COUNTRY)}2: “United States” becomes “USA”PARS reads "United States" as USA; write it as PARS expects.`,
      `Activities!${letter(COUNTRY)}3: “United States” becomes “USA”PARS reads "United States" as USA; write it as PARS expects.`,
      `Activities!${letter(STATE)}4: “Illinois” becomes “IL”PARS reads "Illinois" as IL; write it as PARS expects.`,
    ]);
    // Nothing is written until the coordinator says so; Cancel leaves the workbook as it was.
    expect(sheet.rows[1]?.[COUNTRY]).toBe("United States");
    await userEvent.click(within(fixes()).getByRole("button", { name: "Cancel" }));
    expect(within(fixes()).queryByRole("list", { name: "Cells to change" })).toBeNull();
    expect(fake.sheets.map((s) => s.name)).toEqual(["Activities"]);
  });

  it("applies the fixes, checks again, and undoes them exactly", async () => {
    const { fake, sheet } = workbook();
    const before = JSON.stringify(sheet.rows);
    renderPane(fake);
    await checkNow();
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix all 3 of this kind" }));
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 3 cells" }));
    await within(fixes()).findByText("Changed 3 cells, logged on the PARS Fixes sheet.");
    expect(sheet.rows.slice(1).map((r) => [r[COUNTRY], r[STATE]])).toEqual([
      ["USA", "IL"],
      ["USA", "IL"],
      ["USA", "IL"],
    ]);
    expect(fake.sheet(FIXES_SHEET).rows).toHaveLength(4);
    // Checked again: no finding is left to fix.
    await within(fixes()).findByText("No finding has one certain answer to write in for you.");

    await userEvent.click(within(fixes()).getByRole("button", { name: "Undo last fixes" }));
    await within(fixes()).findByText("Put the old values back in 3 cells.");
    expect(JSON.stringify(sheet.rows)).toBe(before);
    await within(fixes()).findByText(/^3 cells can be written as PARS expects/);
  });

  it("offers Undo only once a batch is applied, and no longer once the only batch is undone", async () => {
    const { fake } = workbook();
    await renderAndLook(fake);
    await checkNow();
    expect(undoButton()).toHaveProperty("disabled", true);
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix all 3 of this kind" }));
    // Previewing changes nothing yet: still nothing to undo.
    expect(undoButton()).toHaveProperty("disabled", true);
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 3 cells" }));
    await within(fixes()).findByText("Changed 3 cells, logged on the PARS Fixes sheet.");
    await waitFor(() => expect(undoButton()).toHaveProperty("disabled", false));
    await userEvent.click(undoButton());
    await within(fixes()).findByText("Put the old values back in 3 cells.");
    await waitFor(() => expect(within(fixes()).queryByText("Changing cells…")).toBeNull());
    expect(undoButton()).toHaveProperty("disabled", true);
  });

  it("keeps Undo on after undoing the later of two batches, and off after the first", async () => {
    const { fake } = workbook();
    await renderAndLook(fake);
    await checkNow();
    const findings = screen.getByLabelText("Findings", { selector: "ul" });
    await userEvent.click(within(findings).getByRole("button", { expanded: false }));
    await userEvent.click(
      within(findings).getAllByRole("button", { name: /^Warning Country:/ })[0]!
    );
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix" }));
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 1 cell" }));
    await within(fixes()).findByText(/^2 cells can be written as PARS expects/);
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix all 2 of this kind" }));
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 2 cells" }));
    await within(fixes()).findByText("No finding has one certain answer to write in for you.");
    await userEvent.click(undoButton());
    await within(fixes()).findByText("Put the old values back in 2 cells.");
    await waitFor(() => expect(within(fixes()).queryByText("Changing cells…")).toBeNull());
    expect(undoButton()).toHaveProperty("disabled", false);
    await userEvent.click(undoButton());
    await within(fixes()).findByText("Put the old value back in 1 cell.");
    await waitFor(() => expect(within(fixes()).queryByText("Changing cells…")).toBeNull());
    expect(undoButton()).toHaveProperty("disabled", true);
  });

  it("offers Undo for fixes an earlier session logged, before any fix here", async () => {
    const { fake, sheet } = workbook();
    const log = fake.addSheet(FIXES_SHEET);
    fake.setValues(log, 0, 0, [
      [...FIXES_LOG_HEADERS],
      [1, "t", "Activities", sheet.id, "K9", "Ohio", "text", "OH", "why", "", "General"],
    ]);
    await renderAndLook(fake);
    await checkNow();
    expect(undoButton()).toHaveProperty("disabled", false);
  });

  it("shows Undo for an earlier session's fixes when nothing is left to fix", async () => {
    const fake = new FakeExcel();
    const sheet = addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1" }),
    ]);
    const log = fake.addSheet(FIXES_SHEET);
    fake.setValues(log, 0, 0, [
      [...FIXES_LOG_HEADERS],
      [1, "t", "Activities", sheet.id, "K2", "Ohio", "text", "OH", "why", "", "General"],
    ]);
    await renderAndLook(fake);
    await checkNow();
    expect(
      within(fixes()).getByText("No finding has one certain answer to write in for you.")
    ).toBeTruthy();
    expect(undoButton()).toHaveProperty("disabled", false);
  });

  it("keeps Undo off for an earlier log whose batches are all undone", async () => {
    const { fake, sheet } = workbook();
    const log = fake.addSheet(FIXES_SHEET);
    fake.setValues(log, 0, 0, [
      [...FIXES_LOG_HEADERS],
      [1, "t", "Activities", sheet.id, "K9", "Ohio", "text", "OH", "why", "Undone u", "General"],
    ]);
    await renderAndLook(fake);
    await checkNow();
    expect(undoButton()).toHaveProperty("disabled", true);
  });

  it("keeps Undo on offer when Excel cannot say whether a log holds fixes", async () => {
    const { fake } = workbook();
    await renderAndLook(fake, () => Promise.reject(new Error("Excel is busy")));
    await checkNow();
    expect(undoButton()).toHaveProperty("disabled", false);
  });

  it("fixes the chosen finding alone, and leaves a formula cell, saying so", async () => {
    const { fake, sheet } = workbook();
    fake.setFormula(sheet, 2, COUNTRY, '="United States"', "United States");
    renderPane(fake);
    await checkNow();
    const findings = screen.getByLabelText("Findings", { selector: "ul" });
    await userEvent.click(within(findings).getByRole("button", { expanded: false }));
    await userEvent.click(
      within(findings).getAllByRole("button", { name: /^Warning Country:/ })[1]!
    );
    await userEvent.click(within(fixes()).getByRole("button", { name: "Fix" }));
    const list = within(fixes()).getByRole("list", { name: "Cells to change" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    await userEvent.click(within(fixes()).getByRole("button", { name: "Change 1 cell" }));
    await within(fixes()).findByText("No cell was changed.");
    expect(fixes().textContent).toContain(
      `No cell was changed. Left 1 cell as it is: it holds a formula (Activities!${letter(COUNTRY)}3).`
    );
    expect(sheet.formulas.get(`2,${String(COUNTRY)}`)).toBe('="United States"');
    expect(fake.sheets.map((s) => s.name)).toEqual(["Activities"]);
  });
});
