// The functions.json the build generates from the JSDoc of src/functions/functions.ts: what Excel
// reads to offer =PARS.* with its argument help. A JSDoc slip (a missing @param, a union return
// type on a spilling function) shows here, not in unit tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as functions from "../../src/functions/functions";
import { DIST } from "./browser";

type Parameter = {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  type?: string;
};
type Metadata = {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: Parameter[];
    result: { dimensionality?: string };
  }[];
};

const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as Metadata;

// id → [parameter name, matrix?, optional?][], result matrix?
const EXPECTED: Record<string, { params: [string, boolean, boolean][]; spills: boolean }> = {
  RSS_CREDITS: {
    params: [
      ["hours", true, false],
      ["sessions", false, true],
    ],
    spills: false,
  },
  LEARNER_TOTAL: {
    params: [
      ["learners", true, false],
      ["sessions", false, true],
    ],
    spills: false,
  },
  LEARNERS: {
    params: [
      ["format", false, false],
      ["learnerIds", true, false],
    ],
    spills: false,
  },
  CREDITS: {
    params: [
      ["time", false, false],
      ["unit", false, true],
    ],
    spills: false,
  },
  STATUS: {
    params: [
      ["headers", true, false],
      ["row", true, false],
      ["today", false, true],
    ],
    spills: false,
  },
  MISSING: {
    params: [
      ["headers", true, false],
      ["row", true, false],
      ["status", false, true],
      ["today", false, true],
    ],
    spills: false,
  },
  SPAN_OK: {
    params: [
      ["format", false, false],
      ["start", false, false],
      ["end", false, false],
    ],
    spills: false,
  },
  PERIODS: {
    params: [
      ["format", false, false],
      ["start", false, false],
      ["end", false, false],
    ],
    spills: true,
  },
  FORMAT: { params: [["nameOrCode", false, false]], spills: false },
  NPI_OK: { params: [["npi", false, false]], spills: false },
};

describe("dist/functions.json", () => {
  it("lists every exported function of functions.ts, and nothing else", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(functions)).toHaveLength(Object.keys(EXPECTED).length);
  });

  it.each(Object.entries(EXPECTED))("%s has its parameters, descriptions and shape", (id, want) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    expect(f.name).toBe(id);
    expect(f.description?.length).toBeGreaterThan(20);
    expect(
      f.parameters.map((p) => [p.name, p.dimensionality === "matrix", p.optional === true])
    ).toEqual(want.params);
    for (const p of f.parameters) expect(p.description?.length).toBeGreaterThan(5);
    expect(f.result.dimensionality === "matrix").toBe(want.spills);
  });
});
