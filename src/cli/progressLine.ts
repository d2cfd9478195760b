/**
 * A one-line progress note on a terminal's standard error while a big workbook is read, redrawn in
 * place ("Reading book.xlsx: 40%") and wiped when reading ends; nothing for a small file.
 */
export function progressLine(
  file: string,
  write: (text: string) => void,
  minBytes = 8 * 2 ** 20
): { readonly update: (done: number, total: number) => void; readonly done: () => void } {
  let shown = -1;
  return {
    update: (done, total) => {
      if (total < minBytes) return;
      const percent = Math.min(99, Math.floor((done / total) * 100));
      if (percent === shown) return;
      shown = percent;
      write(`\r\u001b[KReading ${file}: ${percent}%`);
    },
    done: () => {
      if (shown >= 0) write("\r\u001b[K");
    },
  };
}
