import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PlanFileError } from "../../../src/domain/plan/formats/plan-file-error.js";
import { ZipArchive } from "../../../src/domain/plan/formats/zip.js";
import { rawZip, zeroBomb, zipOf } from "./builders.js";

const MB = 1024 * 1024;

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof PlanFileError) return error.code;
    throw error;
  }
  return "no error";
}

function deflated(text: string) {
  const data = Buffer.from(text, "utf8");
  return { data: new Uint8Array(zlib.deflateRawSync(data)), size: data.length, crc: zlib.crc32(data) };
}

describe("ZipArchive", () => {
  it("reads the entries of an archive made by jszip", async () => {
    const zip = ZipArchive.open(await zipOf({ "a.xml": "<a>текст</a>", "dir/b.txt": "b" }));
    expect(zip.names().sort()).toEqual(["a.xml", "dir/", "dir/b.txt"]);
    expect(zip.text("a.xml")).toBe("<a>текст</a>");
    expect(zip.text("missing.xml")).toBeNull();
  });

  it("reads stored and deflated entries of a hand-made archive", () => {
    const doc = deflated("<w:document/>");
    const stored = Buffer.from("stored");
    const zip = ZipArchive.open(
      rawZip([
        { name: "d.xml", data: doc.data, method: 8, declaredSize: doc.size, crc: doc.crc },
        { name: "s.txt", data: stored, method: 0, declaredSize: stored.length, crc: zlib.crc32(stored) },
      ]),
    );
    expect(zip.text("d.xml")).toBe("<w:document/>");
    expect(zip.text("s.txt")).toBe("stored");
  });

  it("refuses an entry that declares more than a gigabyte before inflating anything", () => {
    const bytes = rawZip([
      { name: "word/document.xml", data: zeroBomb(1100), method: 8, declaredSize: 1100 * MB },
    ]);
    expect(bytes.length).toBeLessThan(2 * MB);
    expect(codeOf(() => ZipArchive.open(bytes))).toBe("zip_bomb");
  });

  it("refuses a large entry compressed far beyond what documents compress to", () => {
    const bytes = rawZip([
      { name: "xl/worksheets/sheet1.xml", data: zeroBomb(20), method: 8, declaredSize: 20 * MB },
    ]);
    expect(codeOf(() => ZipArchive.open(bytes))).toBe("zip_bomb");
  });

  it("stops inflating a bomb whose sizes are forged small, at the declared size", () => {
    const bytes = rawZip([
      { name: "word/document.xml", data: zeroBomb(1100), method: 8, declaredSize: 4000 },
    ]);
    const zip = ZipArchive.open(bytes);
    expect(codeOf(() => zip.read("word/document.xml"))).toBe("zip_bomb");
  });

  it("caps the total inflated over all entries", () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({
      name: `part${i}.xml`,
      data: zeroBomb(3),
      method: 8 as const,
      declaredSize: 3 * MB,
      crc: zlib.crc32(Buffer.alloc(3 * MB)),
    }));
    const limits = { maxTotalBytes: 8 * MB, maxRatio: 2000, ratioFreeBytes: 8 * MB, maxEntries: 10 };
    const zip = ZipArchive.open(rawZip(entries.slice(0, 2)), limits);
    expect(() => zip.verifyAll()).not.toThrow();
    expect(codeOf(() => ZipArchive.open(rawZip(entries), limits))).toBe("zip_bomb");
  });

  it("calls a truncated archive, a broken stream or a wrong checksum corrupt", async () => {
    const good = await zipOf({ "word/document.xml": "<w:document>".padEnd(5000, "x") });
    expect(codeOf(() => ZipArchive.open(good.subarray(0, good.length / 2)))).toBe("corrupt");
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    expect(codeOf(() => ZipArchive.open(junk))).toBe("corrupt");
    const doc = deflated("<w:document/>");
    const badCrc = ZipArchive.open(
      rawZip([{ name: "d.xml", data: doc.data, method: 8, declaredSize: doc.size, crc: doc.crc ^ 1 }]),
    );
    expect(codeOf(() => badCrc.read("d.xml"))).toBe("corrupt");
    const badStream = ZipArchive.open(
      rawZip([{ name: "d.xml", data: new Uint8Array([0xff, 0xff, 0xff]), method: 8, declaredSize: 10 }]),
    );
    expect(codeOf(() => badStream.read("d.xml"))).toBe("corrupt");
  });

  it("reports a password-protected ZIP as encrypted", () => {
    const doc = deflated("<w:document/>");
    const bytes = rawZip([
      { name: "d.xml", data: doc.data, method: 8, declaredSize: doc.size, crc: doc.crc, flags: 1 },
    ]);
    expect(codeOf(() => ZipArchive.open(bytes))).toBe("encrypted");
  });
});
