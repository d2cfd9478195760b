import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const SCANNED = ["src", "test", "bench", "scripts", "docs"];
const ROOT_DOCS = ["README.md", "ARCHITECTURE.md", "CHANGELOG.md"];

/** Every text file of the folders this project writes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.(ts|tsx|js|md)$/.test(name) ? [p] : [];
  });
}

// A document named on its own or under docs/ (a name with any other folder points outside the
// repository on purpose), with an optional section: "DOMAIN" + ".md §3", "upload-layouts" + ".md §A".
const CITATION = /(?<![\w./-])(?:docs\/)?([A-Za-z][\w-]*\.md)`?(?:\s*§([A-Z0-9]+))?/g;

type Citation = { readonly file: string; readonly doc: string; readonly section: string | null };

function citations(): Citation[] {
  const files = [
    ...SCANNED.flatMap((d) => filesUnder(path.join(ROOT, d))),
    ...ROOT_DOCS.map((d) => path.join(ROOT, d)).filter(existsSync),
  ];
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(CITATION)].map((m) => ({
      file: path.relative(ROOT, file),
      doc: m[1] as string,
      section: m[2] ?? null,
    }))
  );
}

function docPath(doc: string): string | null {
  for (const p of [path.join(ROOT, "docs", doc), path.join(ROOT, doc)]) if (existsSync(p)) return p;
  return null;
}

/** The section numbers or letters a document's headings give ("## 3. Statuses" gives "3"). */
function sectionsOf(file: string): Set<string> {
  const out = new Set<string>();
  for (const m of readFileSync(file, "utf8").matchAll(/^#+ ([A-Z0-9]+)[.\s]/gm)) out.add(m[1]!);
  return out;
}

describe("documents the code cites", () => {
  const cited = citations();

  it("are found: the domain notes are cited, and cited in more than one file", () => {
    expect(
      new Set(cited.filter((c) => c.doc === "DOMAIN.md").map((c) => c.file)).size
    ).toBeGreaterThan(5);
  });

  it("all exist in docs/ or at the top of the repository, with every section cited", () => {
    const broken = cited.flatMap((c) => {
      const p = docPath(c.doc);
      if (p === null) return [`${c.file}: ${c.doc} does not exist`];
      if (c.section !== null && !sectionsOf(p).has(c.section)) {
        return [`${c.file}: ${c.doc} has no section ${c.section}`];
      }
      return [];
    });
    expect(broken).toEqual([]);
  });

  it("would notice a section that is not there", () => {
    const domain = docPath("DOMAIN.md");
    expect(domain).not.toBeNull();
    const sections = sectionsOf(domain!);
    expect(sections.has("3")).toBe(true);
    expect(sections.has("9")).toBe(false);
  });
});
