import { child, childrenNamed, type XmlElement } from "./xml.js";

/**
 * Word's automatic numbering. Plans often number their rows («1.», «1.1.», «IV.») with a numbered
 * list in the «№ п/п» column, so the numbers are not in the text: they are computed here from
 * word/numbering.xml as Word shows them, in document order.
 */

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  suffix: string;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDefinition>;
}

interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

const RUSSIAN_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ";
const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function toRoman(value: number): string {
  let rest = value;
  let out = "";
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB: Word repeats the letter rather than counting in base 26. */
function toLetters(value: number, alphabet: string): string {
  if (value < 1) return String(value);
  const letter = alphabet[(value - 1) % alphabet.length]!;
  return letter.repeat(Math.floor((value - 1) / alphabet.length) + 1);
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return toRoman(value);
    case "lowerRoman":
      return toRoman(value).toLowerCase();
    case "upperLetter":
      return toLetters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    case "lowerLetter":
      return toLetters(value, "abcdefghijklmnopqrstuvwxyz");
    case "russianUpper":
      return toLetters(value, RUSSIAN_LETTERS);
    case "russianLower":
      return toLetters(value, RUSSIAN_LETTERS.toLowerCase());
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "none":
      return "";
    default:
      return String(value);
  }
}

function intAttr(element: XmlElement | undefined, fallback: number): number {
  const value = element ? Number.parseInt(element.attrs["val"] ?? "", 10) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

function readLevel(lvl: XmlElement): LevelDefinition {
  const legal = child(lvl, "isLgl");
  return {
    start: intAttr(child(lvl, "start"), 0),
    format: child(lvl, "numFmt")?.attrs["val"] ?? "decimal",
    text: child(lvl, "lvlText")?.attrs["val"] ?? "",
    legal: legal !== undefined && legal.attrs["val"] !== "0" && legal.attrs["val"] !== "false",
    suffix: child(lvl, "suff")?.attrs["val"] ?? "tab",
  };
}

/** Numbering definitions and the running counters of one document. */
export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, LevelDefinition>>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly styles = new Map<string, StyleNumbering>();
  private readonly counters = new Map<string, number[]>();
  private readonly seenInstances = new Set<string>();

  constructor(numbering: XmlElement | null, styles: XmlElement | null) {
    if (numbering) {
      for (const abstract of childrenNamed(numbering, "abstractNum")) {
        const levels = new Map<number, LevelDefinition>();
        for (const lvl of childrenNamed(abstract, "lvl")) {
          levels.set(Number.parseInt(lvl.attrs["ilvl"] ?? "0", 10), readLevel(lvl));
        }
        this.abstracts.set(abstract.attrs["abstractNumId"] ?? "", levels);
      }
      for (const num of childrenNamed(numbering, "num")) {
        const instance: NumberingInstance = {
          abstractId: child(num, "abstractNumId")?.attrs["val"] ?? "",
          startOverrides: new Map(),
          levelOverrides: new Map(),
        };
        for (const override of childrenNamed(num, "lvlOverride")) {
          const ilvl = Number.parseInt(override.attrs["ilvl"] ?? "0", 10);
          const start = child(override, "startOverride");
          if (start) instance.startOverrides.set(ilvl, intAttr(start, 0));
          const lvl = child(override, "lvl");
          if (lvl) instance.levelOverrides.set(ilvl, readLevel(lvl));
        }
        this.instances.set(num.attrs["numId"] ?? "", instance);
      }
    }
    if (styles) {
      for (const style of childrenNamed(styles, "style")) {
        const id = style.attrs["styleId"];
        if (!id) continue;
        const numPr = child(child(style, "pPr") ?? style, "numPr");
        const numId = numPr ? child(numPr, "numId")?.attrs["val"] : undefined;
        const ilvl = numPr ? child(numPr, "ilvl") : undefined;
        this.styles.set(id, {
          numId: numId ?? null,
          ilvl: ilvl ? intAttr(ilvl, 0) : null,
          basedOn: child(style, "basedOn")?.attrs["val"] ?? null,
        });
      }
    }
  }

  /**
   * The label Word shows before a paragraph («1.1.», «IV.») followed by its separator, or "" when
   * the paragraph is not numbered (or is a bullet). Advances the counters: call once per paragraph,
   * in document order.
   */
  next(pPr: XmlElement | undefined): string {
    const { numId, ilvl } = this.numberingOf(pPr);
    if (numId === null || numId === "0") return "";
    const instance = this.instances.get(numId);
    if (!instance) return "";
    const levels = this.abstracts.get(instance.abstractId);
    const level = (l: number) => instance.levelOverrides.get(l) ?? levels?.get(l);
    const current = level(ilvl);
    if (!current || current.format === "bullet") return "";

    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(instance.abstractId, counters);
    }
    // A numbering instance with a start override restarts the list the first time it is used.
    if (!this.seenInstances.has(numId)) {
      this.seenInstances.add(numId);
      for (const [l, start] of instance.startOverrides) {
        counters[l] = start - 1;
        counters.length = Math.max(counters.length, l + 1);
      }
    }
    counters[ilvl] = (counters[ilvl] ?? current.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) {
      const restart = instance.startOverrides.get(deeper);
      counters[deeper] = restart !== undefined ? restart - 1 : (level(deeper)?.start ?? 1) - 1;
    }

    const label = current.text.replace(/%([1-9])/g, (_, digit: string) => {
      const l = Number(digit) - 1;
      const definition = level(l);
      const value = counters[l] ?? definition?.start ?? 1;
      const format = current.legal ? "decimal" : (definition?.format ?? "decimal");
      return formatNumber(value, format);
    });
    if (label === "") return "";
    return current.suffix === "nothing" ? label : `${label} `;
  }

  private numberingOf(pPr: XmlElement | undefined): { numId: string | null; ilvl: number } {
    const numPr = pPr ? child(pPr, "numPr") : undefined;
    let numId = numPr ? (child(numPr, "numId")?.attrs["val"] ?? null) : null;
    let ilvl = numPr ? intAttr(child(numPr, "ilvl"), -1) : -1;
    let styleId = pPr ? (child(pPr, "pStyle")?.attrs["val"] ?? null) : null;
    for (let depth = 0; styleId !== null && depth < 10 && (numId === null || ilvl < 0); depth++) {
      const style = this.styles.get(styleId);
      if (!style) break;
      if (numId === null) numId = style.numId;
      if (ilvl < 0 && style.ilvl !== null) ilvl = style.ilvl;
      styleId = style.basedOn;
    }
    return { numId, ilvl: Math.max(0, ilvl) };
  }
}
