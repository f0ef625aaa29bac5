// Spelling clean-up shared by everything that reads names out of plan cells.

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
};

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[A-Za-z]/;
const ONLY_LOOKALIKE_CAPS = /^[ABCEHKMOPTX]{1,5}$/;

/**
 * Latin letters that look like Cyrillic ones, typed inside Cyrillic words («Oбщественный» with a
 * Latin O), read as Cyrillic. Pure Latin words (www, bus.gov.ru) stay, except short capitals made
 * only of look-alikes («OO» in «руководители OO»), when the text is Cyrillic.
 */
export function fixLookalikes(text: string): string {
  if (!LATIN.test(text) || !CYRILLIC.test(text)) return text;
  return text.replace(/[A-Za-z\u0400-\u04FF]+/g, (word) => {
    if (!LATIN.test(word)) return word;
    if (CYRILLIC.test(word) || ONLY_LOOKALIKE_CAPS.test(word)) {
      return word.replace(/[A-Za-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
    }
    return word;
  });
}

/** Straight and curly quotes as «ёлочки», the way Russian documents mostly write them. */
export function normalizeQuotes(text: string): string {
  return text
    .replace(/[„“]/g, "«")
    .replace(/”/g, "»")
    .replace(/"([^"\n]*)"/g, "«$1»");
}

/** First letter upper-case, the rest as written («руководители ОО» → «Руководители ОО»). */
export function capitalize(text: string): string {
  const i = text.search(/\p{L}/u);
  if (i < 0) return text;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

/** Footnote marks: «*», «**», «<*>», «<**>». */
export const FOOTNOTE_MARK = /\s*(?:<\*+>|\*+)/g;

/**
 * The display form of an executor name: single spaces, no footnote marks, a hyphen between words
 * without spaces («Организация - оператор» → «Организация-оператор»), no trailing punctuation,
 * capitalised.
 */
export function displayName(text: string): string {
  const cleaned = text
    .replace(FOOTNOTE_MARK, "")
    .replace(/\s+/g, " ")
    .replace(/(\p{L}) ?[-–] ?(\p{Ll})/gu, (_m, a: string, b: string) => `${a}-${b}`)
    .replace(/^[\s,.;:\-–—]+|[\s,;:\-–—]+$/g, "")
    .replace(/(\p{L}{2,})\.$/u, "$1")
    .trim();
  return capitalize(cleaned);
}

/** The key two spellings of one name share: case, «ё», spaces, hyphens and quotes aside. */
export function nameKey(text: string): string {
  return displayName(text)
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"]/g, "\u00AB")
    .replace(/\s*[-–—]\s*/g, "-");
}
