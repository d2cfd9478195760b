import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HandEnteredAmounts } from "../../src/core";
import { SettingsSaveError } from "../../src/excel/documentSettings";
import { NO_AMOUNTS, yearEndWorkbook, type AmountsStore } from "../../src/excel/yearEndWorkbook";
import { YearEndView } from "../../src/taskpane/components/YearEndView";
import type { YearEndDeps } from "../../src/taskpane/hooks/useYearEnd";
import { FakeExcel } from "../support/fakeExcel";
import { yearWorkbook } from "../support/fakeWorkbooks";

function memoryAmounts(fail = false): AmountsStore & { saved: [number, HandEnteredAmounts][] } {
  const byYear = new Map<number, HandEnteredAmounts>();
  const saved: [number, HandEnteredAmounts][] = [];
  return {
    saved,
    read: (year) => byYear.get(year) ?? NO_AMOUNTS,
    write: (year, amounts) => {
      if (fail) return Promise.reject(new SettingsSaveError("the workbook is read-only"));
      byYear.set(year, amounts);
      saved.push([year, amounts]);
      return Promise.resolve();
    },
  };
}

function renderView(fake: FakeExcel, amounts = memoryAmounts(), today = "2026-02-10") {
  const deps: YearEndDeps = {
    workbook: yearEndWorkbook(fake.run),
    amounts,
    today: () => today,
    providerId: () => null,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <YearEndView deps={deps} />
    </FluentProvider>
  );
  return amounts;
}

describe("Year end view", () => {
  it("defaults to the year whose reporting is due", () => {
    renderView(yearWorkbook(), memoryAmounts(), "2026-02-10");
    const picker = screen.getByRole("combobox", { name: "Reporting year" });
    expect(picker).toHaveProperty("value", "2025");
    // The picker holds the year alone (it fits at 200% zoom); the line under it says it is due.
    expect(within(picker).getByRole("option", { name: "2025" })).toBeTruthy();
    expect(
      screen.getByText(
        "2025 is the year due next. Judged as of 01/01/2026; due in PARS by 03/31/2026."
      )
    ).toBeTruthy();
  });

  it("shows the checklist with what each row lacks, bars by format, and goes to a row", async () => {
    const fake = yearWorkbook();
    renderView(fake);
    await userEvent.click(screen.getByRole("button", { name: "Build report" }));
    // Each step is folded under its count and what is left to do.
    const step = await screen.findByRole("button", {
      name: "Close the activities that ended in 2025: 1 · 1 to do",
    });
    expect(step.getAttribute("aria-expanded")).toBe("false");
    expect(
      screen.queryByRole("list", { name: "Close the activities that ended in 2025" })
    ).toBeNull();
    expect(
      screen.getByRole("heading", {
        name: "Enduring materials' cumulative learners through 12/31/2025: 0 · done",
      })
    ).toBeTruthy();
    await userEvent.click(step);
    expect(step.getAttribute("aria-expanded")).toBe("true");
    const toClose = await screen.findByRole("list", {
      name: "Close the activities that ended in 2025",
    });
    expect(within(toClose).getByText(/lacks Outcome Measures/)).toBeTruthy();
    // Days as the rest of the pane shows them, never the engine's ISO form.
    expect(within(toClose).getByText(/^Ended \d{2}\/\d{2}\/2025; data supports /)).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "Close: 1, 1 to do" })).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "Regularly Scheduled Series: 1" })).toBeTruthy();
    expect(
      screen.getByRole("listitem", {
        name: "Regularly Scheduled Series: 1,040 physicians, 0 others",
      })
    ).toBeTruthy();
    await userEvent.click(
      within(toClose).getByRole("button", { name: "Row 3 · C-2 · ECG Workshop" })
    );
    expect(fake.selected).toEqual({ sheet: "Activities", address: "A3" });
    expect(fake.activeSheet).toBe("Activities");
  });

  it("saves the four amounts for the year and writes them on the summary sheet", async () => {
    const fake = yearWorkbook();
    const amounts = renderView(fake);
    // Folded under a header that says what is saved; the draft survives folding it again.
    const fold = screen.getByRole("button", { name: "Entered by hand in PARS, 2025 · none saved" });
    expect(screen.queryByRole("textbox", { name: "Registration fees" })).toBeNull();
    await userEvent.click(fold);
    await userEvent.type(screen.getByRole("textbox", { name: "Government monetary grants" }), "7");
    await userEvent.click(fold);
    await userEvent.click(fold);
    expect(screen.getByRole("textbox", { name: "Government monetary grants" })).toHaveProperty(
      "value",
      "7"
    );
    expect(fold.textContent).toContain("not saved yet");
    await userEvent.clear(screen.getByRole("textbox", { name: "Government monetary grants" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Registration fees" }), "12,500.50");
    await userEvent.click(screen.getByRole("button", { name: "Save amounts" }));
    expect(await screen.findByText("Saved in this workbook.")).toBeTruthy();
    expect(fold.textContent).toContain("1 of 4 saved");
    expect(amounts.saved).toEqual([[2025, { ...NO_AMOUNTS, registrationFees: 12500.5 }]]);
    await userEvent.click(screen.getByRole("button", { name: "Build report" }));
    await userEvent.click(await screen.findByRole("button", { name: "Write summary sheet" }));
    expect(
      await screen.findByText("Added sheet PARS Summary 2025 with 5 tables and a chart.")
    ).toBeTruthy();
    const rows = fake.sheet("PARS Summary 2025").rows;
    expect(rows.some((r) => r[0] === "Registration fees" && r[1] === 12500.5)).toBe(true);
    expect(fake.charts).toHaveLength(1);
  });

  it("refuses an amount that is not dollars, and says why a save failed", async () => {
    renderView(yearWorkbook(), memoryAmounts(true));
    await userEvent.click(screen.getByRole("button", { name: /^Entered by hand in PARS, 2025/ }));
    const box = screen.getByRole("textbox", { name: "Government monetary grants" });
    await userEvent.type(box, "a lot");
    expect(screen.getByText("Dollars, e.g. 1250.50")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save amounts" })).toHaveProperty("disabled", true);
    await userEvent.clear(box);
    await userEvent.type(box, "100");
    await userEvent.click(screen.getByRole("button", { name: "Save amounts" }));
    expect((await screen.findByRole("alert")).textContent).toContain("read-only");
  });

  it("says when the workbook has no Activities table", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    renderView(fake);
    await userEvent.click(screen.getByRole("button", { name: "Build report" }));
    expect(await screen.findByText(/No Activities table found/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Write summary sheet" })).toBeNull();
  });
});
