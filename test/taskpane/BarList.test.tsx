import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { BarList, type Bar } from "../../src/taskpane/components/BarList";

const BARS: readonly Bar[] = [
  {
    key: "RSS",
    label: "Regularly Scheduled Series",
    count: "1,110",
    parts: [
      { share: 0.75, className: "physicians" },
      { share: 0.25, className: "others" },
    ],
    name: "Regularly Scheduled Series: 830 physicians, 280 others",
  },
  {
    key: "ISL",
    label: "Internet Searching and Learning",
    count: "50",
    parts: [{ share: 50 / 1110, className: "physicians" }],
    name: "Internet Searching and Learning: 50 physicians, 0 others",
  },
  {
    key: "C",
    label: "Course",
    count: "0",
    parts: [{ share: 0, className: "physicians" }],
    name: "Course: 0 physicians, 0 others",
  },
];

function show(bars: readonly Bar[] = BARS) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <BarList name="Learners by format" bars={bars} />
    </FluentProvider>
  );
}

describe("BarList", () => {
  it("names the list and each bar with its counts, in order", () => {
    show();
    const list = screen.getByRole("list", { name: "Learners by format" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((i) => i.getAttribute("aria-label"))
    ).toEqual(BARS.map((b) => b.name));
  });

  it("shows every label whole, with its count, and no tooltip standing in for it", () => {
    show();
    for (const b of BARS) {
      const item = screen.getByRole("listitem", { name: b.name });
      expect(within(item).getByText(b.label).textContent).toBe(b.label);
      expect(within(item).getByText(b.count)).toBeTruthy();
      expect(item.querySelector("[title]")).toBeNull();
    }
  });

  it("draws each part at its share of the longest bar, in the class it was given", () => {
    show();
    const rss = screen.getByRole("listitem", { name: BARS[0]?.name ?? "" });
    const parts = [...rss.querySelectorAll<HTMLElement>("[data-part='track'] > div")];
    expect(parts.map((p) => [p.style.width, p.classList.contains("physicians")])).toEqual([
      ["75%", true],
      ["25%", false],
    ]);
    const course = screen.getByRole("listitem", { name: "Course: 0 physicians, 0 others" });
    expect(course.querySelector<HTMLElement>("[data-part='track'] > div")?.style.width).toBe("0%");
  });

  it("hides label, bar and count from screen readers, which read the item's name", () => {
    show();
    const item = screen.getByRole("listitem", { name: BARS[1]?.name ?? "" });
    expect([...item.children].map((c) => c.getAttribute("aria-hidden"))).toEqual([
      "true",
      "true",
      "true",
    ]);
  });

  it("renders an empty list when there is nothing to count", () => {
    show([]);
    expect(
      within(screen.getByRole("list", { name: "Learners by format" })).queryAllByRole("listitem")
    ).toEqual([]);
  });
});
