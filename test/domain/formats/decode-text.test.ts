import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding } from "../../../src/domain/plan/formats/decode-text.js";
import { PlanFileError } from "../../../src/domain/plan/formats/plan-file-error.js";
import { readDocument } from "../../../src/domain/plan/formats/read-document.js";
import { readTextDocument } from "../../../src/domain/plan/text-layout.js";
import { asWindows1251, encodeWindows1251, seedText } from "../../support/plan-fixtures.js";

const SAMPLE =
  "№ п/п\tНаименование мероприятия\tСрок\r\n1.\tПодготовка «пакета» документов\tдо 30.09.2021\r\n";
const EXPECTED = SAMPLE.replaceAll("\r\n", "\n");

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const bytes = endian === "le" ? le : Buffer.from(le).swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes);
}

describe("decoding text files", () => {
  const cases: [string, Uint8Array, string][] = [
    ["UTF-8", new TextEncoder().encode(SAMPLE), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]), "utf-8"],
    ["UTF-16 LE with BOM", utf16(SAMPLE, "le", true), "utf-16le"],
    ["UTF-16 BE with BOM", utf16(SAMPLE, "be", true), "utf-16be"],
    ["UTF-16 LE without BOM", utf16(SAMPLE, "le", false), "utf-16le"],
    ["UTF-16 BE without BOM", utf16(SAMPLE, "be", false), "utf-16be"],
    ["Windows-1251", encodeWindows1251(SAMPLE), "windows-1251"],
  ];
  for (const [label, bytes, encoding] of cases) {
    it(`reads ${label}`, () => {
      expect(detectEncoding(bytes).encoding).toBe(encoding);
      expect(decodeText(bytes)).toBe(EXPECTED);
    });
  }

  it("reads UTF-8 with one stray byte as UTF-8, not as mojibake", () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(SAMPLE),
      0xff,
      ...new TextEncoder().encode("Итоги\n"),
    ]);
    expect(decodeText(bytes)).toBe(`${EXPECTED}\ufffdИтоги\n`);
  });

  it("refuses binary data with a Russian message", () => {
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    expect(() => decodeText(noise)).toThrow(PlanFileError);
    try {
      decodeText(noise);
    } catch (error) {
      expect((error as PlanFileError).code).toBe("binary");
      expect((error as PlanFileError).message).toMatch(/двоичные данные/);
    }
  });

  it("gives the same document for a seed saved in Windows-1251 and in UTF-16", async () => {
    const text = seedText("002");
    const cases: [Uint8Array, string][] = [
      [encodeWindows1251(text), asWindows1251(text)],
      [utf16(text, "le", true), text],
      [utf16(text, "be", false), text],
    ];
    for (const [bytes, expected] of cases) {
      const { format, document } = await readDocument(bytes, "plan.txt");
      expect(format).toBe("text");
      expect(document).toEqual(readTextDocument(expected));
    }
  });
});
