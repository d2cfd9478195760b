// Export benchmark: 100,000 activities written in each upload layout. The workload is a workbook
// of FAQ-like activities (a tenth with two commercial supporters, a twentieth with a MOC board);
// the preview (check + join + making text safe) is timed once, then each layout's file is built
// from it five times and the median is reported (goal: under 300 ms per layout), and so is
// building it, hashing it and writing it to a file as the command line does.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeExportFile } from "../src/cli/exportFileOut";
import {
  ACTIVITIES,
  buildExport,
  MOC,
  PARS_XML,
  previewExport,
  SUPPORT,
  TEMPLATE_D,
  type CellValue,
  type ExportFile,
  type ExportPreview,
  type UploadLayout,
  type WorkbookSource,
} from "../src/core";

const N = 100_000;
const RUNS = 5;

function workbook(): WorkbookSource {
  const headers = ACTIVITIES.columns.map((c) => c.header);
  const activities: CellValue[][] = [headers];
  const support: CellValue[][] = [SUPPORT.columns.map((c) => c.header)];
  const moc: CellValue[][] = [MOC.columns.map((c) => c.header)];
  for (let i = 0; i < N; i++) {
    const id = `ACT-${String(i).padStart(6, "0")}`;
    const supported = i % 10 === 0;
    const registered = i % 20 === 0;
    const row: Record<string, CellValue> = {
      "Internal ID": id,
      Title: `Grand Rounds & Case Conference #${String(i)} <weekly>`,
      Format: i % 3 === 0 ? "Enduring Material" : "Regularly Scheduled Series",
      "Start Date": "07/01/2024",
      "End Date": "06/30/2025",
      Status: "Closed",
      "Delivery Method": i % 3 === 0 ? "Online" : "In-Person",
      City: "Chicago",
      State: "IL",
      Country: "USA",
      Credits: 1 + (i % 40) / 4,
      "CME Passport": "No",
      Description: "Weekly case-based discussion of diagnostic dilemmas for internal medicine.",
      Providership: i % 7 === 0 ? "Joint" : "Direct",
      "Joint Providers": "Heart Society; Lung Group",
      "Outcome Measures": "Learner Knowledge (Objective); Learner Competence (Subjective)",
      "Commercial Support": supported ? "Yes" : "No",
      "Physician Learners": i % 1000,
      "Other Learners": i % 13,
      MOC: registered ? "Yes" : "No",
      "MOC Attestation": registered ? "Yes" : "",
    };
    activities.push(headers.map((h) => row[h] ?? null));
    // Keyed by header, so a column added to Support or MOC (Start Date) does not shift them.
    if (supported) {
      const s = { "Internal ID": id, "Support Type": "Monetary", Amount: 2500 };
      support.push(cellsOf(SUPPORT, { ...s, Source: "Acme Pharma, Inc." }));
      support.push(
        cellsOf(SUPPORT, { ...s, Source: "Devices & Co", "Support Type": "In-kind", Amount: null })
      );
    }
    if (registered) {
      moc.push(
        cellsOf(MOC, {
          "Internal ID": id,
          Board: "ABIM",
          "Practice Areas": "Internal Medicine",
          "Credit Types": "Medical Knowledge",
          "MOC Credits": 2,
          Fee: "No, it's free",
          Registration: "Limited",
          "Activity URL": "https://cme.example.org/a",
          "Claim Date": "07/31/2025",
        })
      );
    }
  }
  const table = (name: string, values: CellValue[][]) => ({ name, sheet: name, top: 1, values });
  return {
    tables: [table("Activities", activities), table("Support", support), table("MOC", moc)],
    sheets: [],
    dateSystem: 1900,
  };
}

/** A row of `spec`'s table by header, in its column order (a column's place never labels it). */
function cellsOf(
  spec: { readonly columns: readonly { readonly header: string }[] },
  row: Record<string, CellValue>
): CellValue[] {
  return spec.columns.map((c) => row[c.header] ?? null);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * The median of `RUNS` timings of `run`, after a warm-up. Each run starts from a collected heap
 * (npm run bench passes --expose-gc), so one run does not pay for the garbage of the one before.
 */
async function timed(run: () => unknown): Promise<number> {
  await run();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    const t0 = performance.now();
    await run();
    runs.push(performance.now() - t0);
  }
  return Math.round(median(runs));
}

const STAMP = "2025-11-25T14:05";

/** Characters in an export file. */
function characters(file: ExportFile): number {
  let n = 0;
  for (const piece of file.pieces) n += piece.length;
  return n;
}

/**
 * Times one layout: building the file (its text, complete, in the pieces the shells write), and
 * building, hashing and writing it to disk as `pars-ready export` does.
 */
async function time(
  layout: UploadLayout,
  preview: ExportPreview,
  dir: string
): Promise<{ ms: number; toFileMs: number; chars: number }> {
  const ms = await timed(() => buildExport(preview, layout, STAMP));
  const target = path.join(dir, `bench.${layout.extension}`);
  const toFileMs = await timed(async () => {
    await writeExportFile(buildExport(preview, layout, STAMP), target, true);
  });
  return { ms, toFileMs, chars: characters(buildExport(preview, layout, STAMP)) };
}

/** Times building both upload files for 100,000 activities; returns the medians in ms. */
export async function exportBench(): Promise<Record<string, number>> {
  const book = workbook();
  const t0 = performance.now();
  const outcome = previewExport(book, { today: "2025-11-25" });
  const previewMs = Math.round(performance.now() - t0);
  if (!outcome.ok) throw new Error(outcome.problem);
  const preview = outcome.preview;
  if (preview.activities.length !== N) {
    throw new Error(
      `expected ${String(N)} activities in, got ${String(preview.activities.length)}`
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), "pars-ready-bench-"));
  try {
    const xml = await time(PARS_XML, preview, dir);
    const txt = await time(TEMPLATE_D, preview, dir);
    console.log(
      `workload: ${String(N)} activities (10% with 2 supporters, 5% with a MOC board); median of ${String(RUNS)} runs after a warm-up`
    );
    console.log(`preview (check, join, safe text): ${String(previewMs)} ms, once`);
    for (const [name, t] of [
      ["xml", xml],
      ["txt", txt],
    ] as const) {
      console.log(
        `${name}: ${String(t.ms)} ms to build the file (${String(t.chars)} characters); ${String(t.toFileMs)} ms to build, hash and write it as pars-ready export does (${dir})`
      );
    }
    return {
      export_xml_100k_ms: xml.ms,
      export_xml_100k_to_file_ms: xml.toFileMs,
      export_txt_100k_ms: txt.ms,
      export_txt_100k_to_file_ms: txt.toFileMs,
      export_preview_100k_ms: previewMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
