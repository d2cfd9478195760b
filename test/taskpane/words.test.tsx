import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ACTIVITY_HEADERS, aRow, SUPPORT_HEADERS } from "../support/builders";
import { FakeExcel } from "../support/fakeExcel";
import { addTableSheet } from "../support/fakeWorkbooks";
import { renderPane } from "../support/renderPane";
import { shownDay } from "../../src/taskpane/shownDay";

/** Words of the engine a coordinator should never read, and dates not in MM/DD/YYYY. */
const ENGINE_WORDS: readonly RegExp[] = [
  /achieved/i,
  /held to/i,
  /keep the file safe/i,
  /\b\d{4}-\d{2}-\d{2}\b/, // an ISO day or timestamp
  /\b[0-9a-f]{40,}\b/i, // a bare hash
];

/** The text a coordinator can read: what is shown, not what sits folded in a closed Details. */
function visibleText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll("details:not([open]) > :not(summary)").forEach((n) => n.remove());
  copy.querySelectorAll("[hidden]").forEach((n) => n.remove());
  return copy.textContent ?? "";
}

describe("the pane's words", () => {
  it("shows days as MM/DD/YYYY", () => {
    expect(shownDay("2025-06-30")).toBe("06/30/2025");
    expect(shownDay("not a day")).toBe("not a day");
  });

  it("speaks a coordinator's words in every view after a check", async () => {
    const fake = new FakeExcel();
    addTableSheet(fake, "Activities", ACTIVITY_HEADERS, [
      aRow({ "Internal ID": "A-1" }),
      // No status declared, and no City: judged against the status its dates call for.
      aRow({ "Internal ID": "A-2", Status: "", City: "" }),
    ]);
    addTableSheet(fake, "Support", SUPPORT_HEADERS, []);
    renderPane(fake);
    await userEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("heading", { name: "At a glance" });
    await userEvent.selectOptions(screen.getByLabelText("Group by"), "row");
    expect(
      screen.getByText("Data supports Draft; no status declared, so checked for Ready to Close.")
    ).toBeTruthy();

    const tabs = within(screen.getByRole("tablist")).getAllByRole("tab");
    expect(tabs.length).toBeGreaterThanOrEqual(2);
    for (const tab of tabs) {
      await userEvent.click(tab);
      const text = visibleText(document.body);
      for (const word of ENGINE_WORDS) {
        expect({ view: tab.textContent, found: word.exec(text)?.[0] ?? null }).toEqual({
          view: tab.textContent,
          found: null,
        });
      }
    }
  });
});
