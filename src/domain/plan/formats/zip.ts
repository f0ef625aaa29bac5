import * as zlib from "node:zlib";
import { PlanFileError, planFileMessages } from "./plan-file-error.js";

/**
 * A defensive reader of ZIP containers (.docx, .xlsx). It reads the central directory, refuses zip
 * bombs from the declared sizes before inflating anything, and inflates each entry with a hard cap
 * on its output, so forged sizes cannot make it inflate more than the cap either.
 */

/** Limits of what a plan file may hold once unpacked. */
export interface ZipLimits {
  /** Total uncompressed bytes of every entry together. */
  maxTotalBytes: number;
  /** Compression ratio above which a large entry is a bomb. */
  maxRatio: number;
  /** Entries at most this large are never judged by their ratio (tiny XML parts compress a lot). */
  ratioFreeBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFreeBytes: 8 * 1024 * 1024,
  maxEntries: 20_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const corrupt = () => new PlanFileError("corrupt", planFileMessages.corrupt());
const bomb = () => new PlanFileError("zip_bomb", planFileMessages.zipBomb());

/** True when the bytes start like a ZIP archive (a local header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  );
}

/** An opened archive: entries by name, inflated on demand within the limits. */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedBytes = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    for (const entry of entries) this.entries.set(entry.name, entry);
  }

  /**
   * Reads the central directory and checks the declared sizes. Throws PlanFileError "corrupt",
   * "encrypted" (a password-protected ZIP) or "zip_bomb".
   */
  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
    const entries = readCentralDirectory(bytes, limits);
    let total = 0;
    for (const entry of entries) {
      if (entry.flags & 1) throw new PlanFileError("encrypted", planFileMessages.encrypted());
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw bomb();
      if (
        entry.uncompressedSize > limits.ratioFreeBytes &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
      ) {
        throw bomb();
      }
    }
    return new ZipArchive(bytes, entries, limits);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Every entry's bytes, each checked: for readers (exceljs) that unpack the whole archive themselves. */
  verifyAll(): void {
    for (const name of this.entries.keys()) this.read(name);
  }

  /** An entry's bytes, or null when absent. Never inflates past the declared size or the total cap. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const data = this.compressedData(entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      const remaining = this.limits.maxTotalBytes - this.inflatedBytes;
      // One byte more than declared: a larger output means the sizes were forged.
      const cap = Math.min(entry.uncompressedSize + 1, remaining + 1);
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw bomb();
        }
        throw corrupt();
      }
    } else {
      throw corrupt();
    }
    if (out.length > entry.uncompressedSize) throw bomb();
    if (out.length !== entry.uncompressedSize || !crcMatches(out, entry.crc)) throw corrupt();
    this.inflatedBytes += out.length;
    if (this.inflatedBytes > this.limits.maxTotalBytes) throw bomb();
    return out;
  }

  /** An entry as UTF-8 text (XML parts), or null when absent. */
  text(name: string): string | null {
    const data = this.read(name);
    return data === null ? null : new TextDecoder("utf-8").decode(data);
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const view = viewOf(this.bytes);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== SIG_LOCAL) throw corrupt();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt();
    return this.bytes.subarray(start, end);
  }
}

/** zlib.crc32 came in Node 20.15; on older Node the length check alone has to do. */
function crcMatches(data: Uint8Array, expected: number): boolean {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof crc32 !== "function" || crc32(data) >>> 0 === expected;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === SIG_EOCD) return at;
  }
  throw corrupt();
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.length < 22) throw corrupt();
  const view = viewOf(bytes);
  const eocd = findEndRecord(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_EOCD64_LOCATOR) throw corrupt();
    const at = Number(view.getBigUint64(locator + 8, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== SIG_EOCD64) throw corrupt();
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  if (count > limits.maxEntries) throw bomb();
  const entries: ZipEntry[] = [];
  const names = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) throw corrupt();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      // Some Windows zippers write backslashes; every reader here looks names up with slashes.
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replaceAll("\\", "/"),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits live in the ZIP64 extra field, in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size || field + 8 > end) throw corrupt();
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === MAX32) entry.uncompressedSize = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}
