// Item and section numbers as plans write them: «1.», «1.1.», «4.3 », «IV.», «1)», «а)».

export interface ParsedNumber {
  /** Without the trailing dot or bracket: «1.1.» → «1.1», «IV.» → «IV». */
  value: string;
  roman: boolean;
  /** Written with a closing bracket («1)», «а)»). */
  bracket: boolean;
  /** A letter («а)»): a sub-item of the item before. */
  letter: boolean;
}

/** Cyrillic letters typed for roman numerals («ІІ», «Х»). */
function romanize(text: string): string {
  return text.replace(/І/g, "I").replace(/Х/g, "X").replace(/С/g, "C").replace(/М/g, "M");
}

const ARABIC = /^(?:№\s*|п\.\s*)?(\d{1,3}(?:\s?\.\s?\d{1,3})*)\s?([.)]?)$/;
const ROMAN = /^([IVXLC]{1,7})\s?([.)]?)$/;
const LETTER = /^([а-еa-e])\)$/;

/** Reads a number cell; null when it holds no number. */
export function parseNumber(text: string): ParsedNumber | null {
  const t = text.trim();
  if (t === "") return null;
  const arabic = ARABIC.exec(t);
  if (arabic) {
    return { value: arabic[1]!.replace(/\s/g, ""), roman: false, bracket: arabic[2] === ")", letter: false };
  }
  const roman = ROMAN.exec(romanize(t));
  if (roman && isRoman(roman[1]!))
    return { value: roman[1]!, roman: true, bracket: roman[2] === ")", letter: false };
  const letter = LETTER.exec(t);
  if (letter) return { value: letter[1]!, roman: false, bracket: true, letter: true };
  return null;
}

function isRoman(s: string): boolean {
  return /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || /^L?X{0,3}(?:IX|IV|V?I{0,3})$/.test(s);
}

/**
 * A number at the start of a longer text: «I. Подготовительные мероприятия», «Раздел 2. …»,
 * «1.1. Определение …». Null when the text does not start with one.
 */
export function splitLeadingNumber(text: string): { number: ParsedNumber; rest: string } | null {
  const m = /^\s*(?:раздел\s+)?(\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLCІХ]{1,7}[.)]?)\s+(\S[\s\S]*)$/iu.exec(text);
  if (!m) return null;
  const number = parseNumber(m[1]!);
  if (!number) return null;
  // «2017 г.», «1 раз в квартал»: a bare number must be followed by a dot or a capital to be a number.
  if (!/[.)]$/.test(m[1]!) && !/^\p{Lu}/u.test(m[2]!)) return null;
  return { number, rest: m[2]!.trim() };
}

/** Ancestor numbers, nearest first: «1.2.3» → «1.2», «1». */
export function ancestors(number: string): string[] {
  const parts = number.split(".");
  const out: string[] = [];
  for (let i = parts.length - 1; i > 0; i--) out.push(parts.slice(0, i).join("."));
  return out;
}
