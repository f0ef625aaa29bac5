/**
 * What the first bytes of a file say it is, whatever its name claims. Only the kinds that need
 * their own answer are told apart; everything else is tried as text.
 */
export type Magic = "zip" | "cfb" | "pdf" | "rtf" | "markup" | "image" | "archive" | "executable" | "unknown";

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const IMAGES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  ascii("GIF8"),
  ascii("II*\u0000"),
  ascii("MM\u0000*"),
];
const ARCHIVES: readonly (readonly number[])[] = [
  ascii("Rar!"),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0x1f, 0x8b],
  ascii("BZh"),
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
];
const EXECUTABLES: readonly (readonly number[])[] = [
  ascii("MZ"),
  ascii("\u007fELF"),
  [0xcf, 0xfa, 0xed, 0xfe],
];

/** The kind of file by its leading bytes. */
export function sniffMagic(bytes: Uint8Array): Magic {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "cfb";
  if (IMAGES.some((m) => startsWith(bytes, m))) return "image";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image";
  if (startsWith(bytes, ascii("ftyp"), 4)) return "image";
  if (ARCHIVES.some((m) => startsWith(bytes, m))) return "archive";
  if (EXECUTABLES.some((m) => startsWith(bytes, m))) return "executable";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  // PDF allows junk before its header; RTF, HTML and XML may follow a BOM and blank space.
  if (head.includes("%PDF-")) return "pdf";
  const start = head
    .replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)?[\s\u0000]*/, "")
    .replace(/\u0000/g, "");
  if (start.startsWith("{\\rtf")) return "rtf";
  if (/^<(!doctype\s+html|html|head|body|meta|\?xml|w:document|table)/i.test(start)) return "markup";
  return "unknown";
}

/** The extension of a file name, lowercased, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}
