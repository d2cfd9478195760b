import {
  AREA_CHUNK,
  blockAddress,
  chunkAreas,
  columnLetters,
  parseArea,
  runsOf,
} from "../../src/excel/addresses";

describe("addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16_383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });

  it("writes a block, or a single cell when it is one", () => {
    expect(blockAddress(0, 26, 5, 9)).toBe("A5:AA9");
    expect(blockAddress(2, 2, 7, 7)).toBe("C7");
  });

  it("finds runs of consecutive rows in any order, without duplicates", () => {
    expect(runsOf([9, 5, 6, 7, 6, 12])).toEqual([
      [5, 7],
      [9, 9],
      [12, 12],
    ]);
    expect(runsOf([])).toEqual([]);
  });

  it("chunks areas by characters and by count, keeping every area whole", () => {
    const areas = Array.from(
      { length: 3000 },
      (_, i) => `A${String(i * 2 + 2)}:AA${String(i * 2 + 2)}`
    );
    const chunks = chunkAreas(areas);
    expect(chunks.join(",").split(",")).toEqual(areas);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(AREA_CHUNK.chars);
      expect(c.split(",").length).toBeLessThanOrEqual(AREA_CHUNK.areas);
    }
    expect(chunkAreas([])).toEqual([]);
  });

  it("parses the addresses Excel reports for changes", () => {
    expect(parseArea("C5")).toEqual({ firstColumn: 2, lastColumn: 2, firstRow: 5, lastRow: 5 });
    expect(parseArea("Sheet1!$B$9:A3")).toEqual({
      firstColumn: 0,
      lastColumn: 1,
      firstRow: 3,
      lastRow: 9,
    });
    expect(parseArea("3:3")).toBeNull();
    expect(parseArea("A:C")).toBeNull();
  });
});
