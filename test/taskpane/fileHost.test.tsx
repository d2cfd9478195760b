import { browserFileHost, canDownloadOn } from "../../src/taskpane/fileHost";
import {
  exportSheetName,
  exportStamp,
  fileLines,
  MAX_CELL_CHARS,
} from "../../src/taskpane/hooks/useExport";

const bytesOf = (blob: Blob): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(blob);
  });

describe("canDownloadOn", () => {
  it.each([
    [undefined, true],
    ["OfficeOnline", true],
    ["PC", false],
    ["Mac", false],
    ["iOS", false],
  ])("%s: %s", (platform, can) => {
    expect(canDownloadOn(platform)).toBe(can);
  });
});

describe("browserFileHost", () => {
  const url = URL as unknown as {
    createObjectURL?: (b: Blob) => string;
    revokeObjectURL?: (u: string) => void;
  };
  afterEach(() => {
    delete url.createObjectURL;
    delete url.revokeObjectURL;
    jest.restoreAllMocks();
  });

  it("downloads the chunks' text as UTF-8 without a byte-order mark, under the file's name", async () => {
    const blobs: Blob[] = [];
    url.createObjectURL = (b) => {
      blobs.push(b);
      return "blob:pars";
    };
    url.revokeObjectURL = () => undefined;
    const clicks: { download: string; href: string; attached: boolean }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push({ download: this.download, href: this.href, attached: this.isConnected });
    });
    browserFileHost(true).download("pars-activities-20251125-1430.xml", ["<a>", "é</a>\n"], "x/y");
    expect(clicks).toEqual([
      { download: "pars-activities-20251125-1430.xml", href: "blob:pars", attached: true },
    ]);
    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect([...(await bytesOf(blobs[0]!))]).toEqual([...Buffer.from("<a>é</a>\n", "utf8")]);
    expect(blobs[0]?.type).toBe("x/y");
  });

  it("throws where the browser cannot make a download, so the pane can fall back", () => {
    expect(() => browserFileHost(true).download("f.xml", ["x"], "application/xml")).toThrow();
  });

  it("rejects a copy where the host gives no clipboard", async () => {
    await expect(browserFileHost(false).copy("x")).rejects.toThrow(
      "this host gives add-ins no clipboard"
    );
  });
});

describe("export names and lines", () => {
  it("stamps the local minute and names the sheet after it", () => {
    const stamp = exportStamp(new Date(2026, 10, 25, 9, 5));
    expect(stamp).toBe("2026-11-25T09:05");
    expect(exportSheetName(stamp)).toBe("PARS Export 20261125-0905");
  });

  it.each([
    ["a\nb\n", "\n", ["a", "b"]],
    ["a\r\nb\r\n", "\r\n", ["a", "b"]],
    ["a\n\nb\n", "\n", ["a", "", "b"]],
  ])("%j splits on %j into %j", (text, lineEnd, lines) => {
    expect(fileLines(text, lineEnd)).toEqual(lines);
  });

  it.each([
    ["a\nb\n", "\r\n"],
    ["a\rb\r\n", "\r\n"],
    // Each cell stands for a line and its line end; a file without a last one has no sheet form.
    ["a\nb", "\n"],
  ])("refuses %j with %j line ends rather than put an inexact file on a sheet", (text, end) => {
    expect(() => fileLines(text, end)).toThrow("cannot be put on a sheet");
  });

  it("refuses a file larger than Excel takes onto a sheet in one request", () => {
    const text = "abcdefghij\n".repeat(100);
    // 1,301 bytes of values as JSON, and 6 per line for its text format.
    expect(fileLines(text, "\n", 1901)).toHaveLength(100);
    expect(() => fileLines(text, "\n", 1900)).toThrow(
      "The file is too large (0.0 million characters) for Excel to take onto a sheet in one piece."
    );
  });

  it("refuses a line longer than an Excel cell holds, naming it", () => {
    const text = `a\n${"x".repeat(MAX_CELL_CHARS)}\n${"y".repeat(MAX_CELL_CHARS + 1)}\n`;
    expect(() => fileLines(text, "\n")).toThrow(/^Line 3 of the file is longer than the 32,767/);
  });
});
