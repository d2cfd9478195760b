// A test that prints to the console hides a problem: fail it instead.
const methods = ["log", "warn", "error", "info"] as const;
const original = methods.map((m) => console[m]);

beforeEach(() => {
  for (const m of methods) {
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${m} called in a test: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  jest.restoreAllMocks();
  methods.forEach((m, i) => {
    console[m] = original[i] as (typeof console)[typeof m];
  });
});
