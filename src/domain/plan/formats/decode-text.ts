import { PlanFileError, planFileMessages } from "./plan-file-error.js";

/** The encodings plan texts come in from Russian offices. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

/**
 * Guesses the encoding: a BOM first; UTF-16 without a BOM by its zero bytes; UTF-8 when the bytes
 * are valid UTF-8; otherwise Windows-1251 (what Excel and Notepad save in Russian Windows).
 */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const sample = bytes.subarray(0, 4096);
  // In UTF-16 text the high byte of each character is nearly always 0x00 (ASCII, «»), 0x04
  // (Cyrillic) or 0x20/0x21 (dashes, №); the other half of the bytes varies.
  const highLike = [0, 0];
  const highCore = [0, 0];
  for (let i = 0; i + 1 < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0x00 || b === 0x04) highCore[i % 2]!++;
    if (b === 0x00 || b === 0x04 || b === 0x20 || b === 0x21) highLike[i % 2]!++;
  }
  const half = Math.floor(sample.length / 2);
  if (half >= 2) {
    const like = (parity: number) => highLike[parity]! / half;
    const core = (parity: number) => highCore[parity]! / half;
    if (like(1) > 0.7 && core(1) > 0.5 && like(0) < 0.35) return { encoding: "utf-16le", bomLength: 0 };
    if (like(0) > 0.7 && core(0) > 0.5 && like(1) < 0.35) return { encoding: "utf-16be", bomLength: 0 };
  }
  const { valid, invalid } = utf8Sequences(bytes);
  // A stray bad byte in a UTF-8 file should not turn all of it into mojibake.
  return { encoding: invalid === 0 || valid > invalid * 10 ? "utf-8" : "windows-1251", bomLength: 0 };
}

/** Counts well-formed and broken multi-byte UTF-8 sequences (Windows-1251 Cyrillic forms almost none). */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

// C0 controls other than TAB, LF, VT, FF, CR; DEL; C1 controls; the replacement character.
const NON_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** True when decoded text has the control characters of binary data rather than of a document. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes("\u0000")) return true;
  const bad = sample.match(NON_TEXT)?.length ?? 0;
  return bad > Math.max(2, sample.length * 0.01);
}

/**
 * Decodes a plan's text file (.txt, .tsv, .csv): UTF-8 with or without BOM, UTF-16 LE/BE,
 * Windows-1251; line ends normalised to "\n". Throws PlanFileError "binary" when the bytes are
 * no text.
 */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  if (looksBinary(text)) throw new PlanFileError("binary", planFileMessages.binary());
  return text.replace(/\r\n?/g, "\n");
}
