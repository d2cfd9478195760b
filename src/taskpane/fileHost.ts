/**
 * What the pane needs of the browser to hand a file over: a download, and the clipboard. Injected
 * through `AppDeps` so that tests can force either path.
 */
export type FileHost = {
  /**
   * False where the host cannot save a download (Excel on Windows and Mac runs the pane in a web
   * view that drops `<a download>` clicks without a word); the pane then writes the file to a sheet.
   */
  readonly canDownload: boolean;
  /**
   * Starts the download as `fileName` of the text made of `chunks` one after the other, UTF-8
   * without byte-order mark.
   *
   * @throws {Error} when the browser cannot make the download; the pane then writes a sheet
   */
  readonly download: (fileName: string, chunks: readonly string[], mimeType: string) => void;
  /**
   * Puts `text` on the clipboard.
   *
   * @throws {Error} (rejects) when the host refuses clipboard access
   */
  readonly copy: (text: string) => Promise<void>;
};

/** Office platforms whose web view lets the pane download a file: Excel on the web only. */
const DOWNLOADING_PLATFORMS = new Set(["OfficeOnline"]);

/**
 * Whether downloads work on `platform` (`Office.context.platform`). Undefined means the pane runs
 * in a plain browser, outside Office, where they do.
 */
export function canDownloadOn(platform: string | undefined): boolean {
  return platform === undefined || DOWNLOADING_PLATFORMS.has(platform);
}

/** The real file host, over the pane's own document and `navigator.clipboard`. */
export function browserFileHost(canDownload: boolean, doc: Document = document): FileHost {
  return {
    canDownload,
    download: (fileName, chunks, mimeType) => {
      // A Blob of strings is UTF-8 with no byte-order mark, which is what the layouts declare.
      const url = URL.createObjectURL(new Blob([...chunks], { type: mimeType }));
      const link = doc.createElement("a");
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      doc.body.append(link);
      try {
        link.click();
      } finally {
        link.remove();
        // The browser reads the Blob after the click returns; revoking at once can cancel it.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    },
    copy: async (text) => {
      const clipboard = (doc.defaultView?.navigator ?? navigator).clipboard as
        Clipboard | undefined;
      if (clipboard === undefined) throw new Error("this host gives add-ins no clipboard");
      await clipboard.writeText(text);
    },
  };
}
