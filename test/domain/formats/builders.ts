// Hand-made containers for the readers' tests: minimal .docx packages around a given body XML, raw
// ZIPs with any declared sizes, compound (OLE) files with given stream names, a deflate bomb.
import * as zlib from "node:zlib";
import JSZip from "jszip";
import type { RawBlock, RawDocument } from "../../../src/domain/plan/types.js";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A ZIP made by jszip (deflated), as Office's own writers make them. */
export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export interface DocxParts {
  numbering?: string;
  styles?: string;
  footnotes?: string;
  /** Name of the main part (Word uses word/document.xml; some generators do not). */
  mainPart?: string;
}

/** A minimal Word package: `body` is the inner XML of `<w:body>` (prefix `w:`). */
export function docxOf(body: string, parts: DocxParts = {}): Promise<Uint8Array> {
  const main = parts.mainPart ?? "word/document.xml";
  const mainFile = main.slice(main.lastIndexOf("/") + 1);
  const rels: string[] = [];
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/></Relationships>`,
    [main]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`,
  };
  for (const kind of ["numbering", "styles", "footnotes"] as const) {
    const xml = parts[kind];
    if (xml === undefined) continue;
    files[`word/${kind}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?>${xml.replace(">", ` xmlns:w="${W_NS}">`)}`;
    rels.push(`<Relationship Id="r${kind}" Type="${REL}/${kind}" Target="${kind}.xml"/>`);
  }
  files[`word/_rels/${mainFile}.rels`] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `${rels.join("")}</Relationships>`;
  return zipOf(files);
}

/** A paragraph `<w:p>` with one run per line, separated by `<w:br/>`. */
export function p(text: string, pPr = ""): string {
  const runs = text
    .split("\n")
    .map(
      (line, i) => `<w:r>${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`,
    )
    .join("");
  return `<w:p>${pPr === "" ? "" : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
}

/** A cell `<w:tc>` with properties (gridSpan, vMerge…) and paragraphs. */
export function tc(content: string, tcPr = ""): string {
  return `<w:tc>${tcPr === "" ? "" : `<w:tcPr>${tcPr}</w:tcPr>`}${content.startsWith("<") ? content : p(content)}</w:tc>`;
}

export function tr(cells: string, trPr = ""): string {
  return `<w:tr>${trPr === "" ? "" : `<w:trPr>${trPr}</w:trPr>`}${cells}</w:tr>`;
}

export function tbl(columns: number, rows: string): string {
  const grid = Array.from({ length: columns }, () => '<w:gridCol w:w="2000"/>').join("");
  return `<w:tbl><w:tblPr/><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`;
}

export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export interface RawZipEntry {
  name: string;
  /** Bytes as stored (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the directory claims (forged at will). */
  declaredSize: number;
  crc?: number;
  flags?: number;
}

/** A ZIP written byte by byte, so the directory can say anything about the sizes. */
export function rawZip(entries: RawZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(Math.min(entry.declaredSize, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.flags ?? 0, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc ?? 0, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(Math.min(entry.declaredSize, 0xffffffff), 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(entry.data));
    central.push(header, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/**
 * A raw deflate stream of `megabytes` MB of zero bytes, about a thousand times smaller: one
 * sync-flushed segment of 1 MB of zeros repeated (zeros only ever refer back to zeros), then an
 * empty final block. Nothing near its inflated size is ever held in memory.
 */
export function zeroBomb(megabytes: number): Uint8Array {
  const segment = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const finalBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => segment), finalBlock]));
}

/**
 * A compound (OLE) file whose directory lists the given streams: the shape of an encrypted
 * .docx ("EncryptionInfo", "EncryptedPackage") or an old .doc ("WordDocument"). One FAT sector,
 * one directory sector; stream contents are not needed by the reader.
 */
export function cfbOf(streamNames: string[]): Uint8Array {
  const sector = 512;
  const names = ["Root Entry", ...streamNames];
  const directorySectors = Math.ceil(names.length / 4);
  const file = Buffer.alloc(sector * (2 + directorySectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c); // one FAT sector
  file.writeUInt32LE(1, 0x30); // directory starts at sector 1
  file.writeUInt32LE(0x1000, 0x38);
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  // FAT (sector 0): itself, then the directory chain.
  const fat = sector;
  file.writeUInt32LE(0xfffffffd, fat);
  for (let s = 0; s < directorySectors; s++) {
    file.writeUInt32LE(s === directorySectors - 1 ? 0xfffffffe : 2 + s, fat + (1 + s) * 4);
  }
  for (let s = 1 + directorySectors; s < sector / 4; s++) file.writeUInt32LE(0xffffffff, fat + s * 4);
  names.forEach((name, i) => {
    const at = sector * 2 + i * 128;
    const encoded = Buffer.from(name, "utf16le");
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length + 2, at + 0x40);
    file[at + 0x42] = i === 0 ? 5 : 2;
    file.writeUInt32LE(0xffffffff, at + 0x44);
    file.writeUInt32LE(0xffffffff, at + 0x48);
    file.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, at + 0x4c);
  });
  return new Uint8Array(file);
}

/** Tables padded to one width, so documents from different formats compare cell by cell. */
export function normalized(doc: RawDocument): RawBlock[] {
  return doc.blocks.map((block) => {
    if (block.type === "text") return block;
    const width = Math.max(
      ...block.rows.map((row) => {
        let end = row.length;
        while (end > 0 && row[end - 1] === "") end--;
        return end;
      }),
    );
    return {
      type: "table",
      rows: block.rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? "")),
    };
  });
}
