import { crc32, deflateRawSync } from "node:zlib";

/** One file for `zipOf`: its text or bytes, and what the central directory should claim. */
export type ZipPart = {
  readonly data: string | Buffer;
  /** Stored (0) instead of deflated (8). */
  readonly stored?: boolean;
  /** A size to declare instead of the true one (hostile files lie). */
  readonly declaredSize?: number;
  readonly encrypted?: boolean;
};

/**
 * A zip made byte by byte, independently of the reader under test, so tests can build the odd and
 * hostile files that no spreadsheet writer makes.
 */
export function zipOf(parts: Readonly<Record<string, string | Buffer | ZipPart>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, given] of Object.entries(parts)) {
    const part: ZipPart =
      typeof given === "string" || Buffer.isBuffer(given) ? { data: given } : given;
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, "utf8");
    const body = part.stored === true ? raw : deflateRawSync(raw);
    const nameBytes = Buffer.from(name, "utf8");
    const method = part.stored === true ? 0 : 8;
    const size = part.declaredSize ?? raw.length;
    const flags = part.encrypted === true ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a minimal .xlsx around the given sheets (XML of `<sheetData>` and what follows). */
export function xlsxParts(options: {
  readonly sheets: readonly {
    readonly name: string;
    readonly body: string;
    readonly rels?: string;
  }[];
  readonly strings?: readonly string[];
  readonly workbookPr?: string;
  readonly extra?: Readonly<Record<string, string | Buffer | ZipPart>>;
}): Record<string, string | Buffer | ZipPart> {
  const sheetList = options.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const parts: Record<string, string | Buffer | ZipPart> = {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets>${options.workbookPr ?? ""}</workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join(
        ""
      )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  };
  if (options.strings !== undefined) {
    parts["xl/sharedStrings.xml"] = `<?xml version="1.0"?><sst xmlns="${MAIN}">${options.strings
      .map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`))
      .join("")}</sst>`;
  }
  options.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`;
    if (s.rels !== undefined) {
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>`;
    }
  });
  return { ...parts, ...options.extra };
}

/** A relationship from a sheet to a table part, for `xlsxParts`. */
export const tableRel = (id: string, n: number) =>
  `<Relationship Id="${id}" Type="${REL}/table" Target="../tables/table${n}.xml"/>`;

/** A relationship from a sheet to an external link target, for `xlsxParts`. */
export const linkRel = (id: string, url: string) =>
  `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${url}" TargetMode="External"/>`;

/** A table part's XML. */
export const tableXml = (attrs: string, columns: readonly string[]) =>
  `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" ${attrs}><tableColumns count="${columns.length}">${columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`)
    .join("")}</tableColumns></table>`;
