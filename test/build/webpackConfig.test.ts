// The parts of webpack.config.js that decide whether the add-in loads in Office, checked without
// running a build: the production manifest rewrite, the shared-runtime page's bundles, and the
// dev server's address.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { checkManifest } from "../../src/manifest-check/checkManifest";

type Pattern = { from: string; transform?: (content: Buffer) => Buffer | string };
type Config = {
  plugins: { patterns?: Pattern[]; userOptions?: { chunks?: string[]; filename?: string } }[];
  devServer: { host: string; port: number; server: { type: string } };
  entry: Record<string, string>;
};
type MakeConfig = (env: unknown, argv: { mode: string }) => Config;

const ROOT = path.resolve(__dirname, "../..");
const makeConfig = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as MakeConfig;
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"));

function withProductionUrl<T>(url: string | undefined, body: () => T): T {
  const saved = process.env.ADDIN_PRODUCTION_URL;
  if (url === undefined) delete process.env.ADDIN_PRODUCTION_URL;
  else process.env.ADDIN_PRODUCTION_URL = url;
  try {
    return body();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PRODUCTION_URL;
    else process.env.ADDIN_PRODUCTION_URL = saved;
  }
}

function manifestOut(mode: string, url: string | undefined): string {
  const config = withProductionUrl(url, () => makeConfig({}, { mode }));
  const pattern = config.plugins
    .flatMap((p) => p.patterns ?? [])
    .find((p) => p.from === "manifest.xml");
  if (pattern?.transform === undefined) throw new Error("no manifest.xml copy pattern");
  return pattern.transform(MANIFEST).toString();
}

describe("webpack.config.js", () => {
  it("rewrites every manifest URL to ADDIN_PRODUCTION_URL in production", () => {
    const out = manifestOut("production", "https://addin.example.org/pars/");
    expect(out).not.toContain("localhost");
    const urls = out.match(/https:\/\/[^"<\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u.startsWith("https://addin.example.org/pars/")).toBe(true);
    expect(out).toContain('DefaultValue="https://addin.example.org/pars/taskpane.html"');
    expect(checkManifest(out, { origin: "https://addin.example.org", namespace: "PARS" })).toEqual(
      []
    );
  });

  it("leaves the manifest alone in development", () => {
    expect(manifestOut("development", "https://addin.example.org")).toBe(MANIFEST.toString());
  });

  it("keeps dev URLs when no production URL is given (and the build warns)", () => {
    expect(manifestOut("production", undefined)).toBe(MANIFEST.toString());
  });

  it("refuses a production URL that is not https", () => {
    expect(() => manifestOut("production", "http://addin.example.org")).toThrow(
      'ADDIN_PRODUCTION_URL must be an https URL, got "http://addin.example.org"'
    );
  });

  it("loads the functions bundle in taskpane.html, the shared runtime's page", () => {
    const config = makeConfig({}, { mode: "production" });
    const html = config.plugins.find((p) => p.userOptions?.filename === "taskpane.html");
    expect(html?.userOptions?.chunks).toEqual(["functions", "taskpane"]);
    expect(config.entry.functions).toBe("./src/functions/functions.ts");
  });

  it("serves https on localhost:3000 only", () => {
    const { devServer } = makeConfig({}, { mode: "development" });
    expect([devServer.host, devServer.port, devServer.server.type]).toEqual([
      "localhost",
      3000,
      "https",
    ]);
  });
});
