import { KeyTable } from "../../../src/core/join/keyTable";

describe("KeyTable: the first position of each Internal ID key", () => {
  it("keeps the first position given a key and finds it again", () => {
    const t = new KeyTable(4);
    expect(t.add("GR-1", 0)).toBe(0);
    expect(t.add("GR-2", 1)).toBe(1);
    expect(t.add("GR-1", 2)).toBe(0); // a repeat answers with the first
    expect(t.find("GR-1")).toBe(0);
    expect(t.find("GR-2")).toBe(1);
    expect(t.find("GR-3")).toBe(-1);
    expect(t.find("")).toBe(-1);
  });

  it("tells apart keys that differ only in case or order, as given (keys are compared exactly)", () => {
    const t = new KeyTable(3);
    t.add("AB", 0);
    t.add("BA", 1);
    t.add("ab", 2);
    expect([t.find("AB"), t.find("BA"), t.find("ab"), t.find("Ab")]).toEqual([0, 1, 2, -1]);
  });

  it("holds a workbook's worth of keys, with positions left out, and grows when given more", () => {
    const n = 20_000;
    const t = new KeyTable(n);
    // Every third position has no key (an activity without an Internal ID).
    for (let i = 0; i < n; i++) if (i % 3 !== 0) expect(t.add(`ACT-${String(i)}`, i)).toBe(i);
    for (let i = 0; i < n; i++) {
      expect(t.find(`ACT-${String(i)}`)).toBe(i % 3 === 0 ? -1 : i);
    }
    const small = new KeyTable(2);
    for (let i = 0; i < 100; i++) small.add(`K${String(i)}`, i);
    expect(small.find("K99")).toBe(99);
    expect(small.find("K100")).toBe(-1);
  });

  it("keeps its answers when every key has the same hash (IDs chosen to collide), held by a Map", () => {
    const n = 5_000;
    const t = new KeyTable(n, () => 7);
    for (let i = 0; i < 10; i++) expect(t.add(`ID-${String(i)}`, i)).toBe(i);
    expect(t.collided).toBe(false); // a few collisions are walked past
    for (let i = 10; i < n; i++) expect(t.add(`ID-${String(i)}`, i)).toBe(i);
    expect(t.collided).toBe(true);
    expect(t.add("ID-3", n)).toBe(3); // a repeat still answers with the first position
    for (let i = 0; i < n; i++) expect(t.find(`ID-${String(i)}`)).toBe(i);
    expect(t.find("ID-x")).toBe(-1);
  });

  it("goes to a Map on a long look-up too, with every key found where it was", () => {
    const t = new KeyTable(200, () => 0);
    for (let i = 0; i < 60; i++) t.add(`K${String(i)}`, i);
    expect(t.collided).toBe(false);
    expect(t.find("missing")).toBe(-1); // steps past 60 slots, within the limit
    for (let i = 60; i < 70; i++) t.add(`K${String(i)}`, i);
    expect(t.collided).toBe(true);
    expect([t.find("K0"), t.find("K69"), t.find("K70")]).toEqual([0, 69, -1]);
  });
});
