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
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const upper = ch.toUpperCase();
    if (upper !== ch.toLowerCase()) return upper === ch ? text : text.slice(0, i) + upper + text.slice(i + 1);
  }
  return text;
}

/** Footnote marks: «*», «**», «<*>», «<**>». */
export const FOOTNOTE_MARK = /\s*(?:<\*+>|\*+)/g;

const EDGE_PUNCTUATION = " \t\n,.;:-–—";
const TRAILING_PUNCTUATION = " \t\n,;:-–—";
const LETTER = /\p{L}/u;

/**
 * The display form of an executor name: single spaces, no footnote marks, a hyphen between words
 * without spaces («Организация - оператор» → «Организация-оператор»), no trailing punctuation,
 * capitalised.
 */
export function displayName(text: string): string {
  let t = text;
  if (t.includes("*")) t = t.replace(FOOTNOTE_MARK, "");
  if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, " ");
  if (t.includes("-") || t.includes("–")) {
    t = t.replace(/(\p{L}) ?[-–] ?(\p{Ll})/gu, (_m, a: string, b: string) => `${a}-${b}`);
  }
  let start = 0;
  let end = t.length;
  while (start < end && EDGE_PUNCTUATION.includes(t[start]!)) start++;
  while (end > start && TRAILING_PUNCTUATION.includes(t[end - 1]!)) end--;
  // A final dot after a word («Комитет.») goes; after an initial («Иванов И.») it stays.
  if (end - start > 2 && t[end - 1] === "." && LETTER.test(t[end - 2]!) && LETTER.test(t[end - 3]!)) end--;
  return capitalize(t.slice(start, end).trim());
}

const keys = new Map<string, string>();
/** Enough for the names of a large plan; cleared past it so a long-running process stays small. */
const KEY_CACHE_LIMIT = 50_000;

/** The key two spellings of one name share: case, «ё», spaces, hyphens and quotes aside. */
export function nameKey(text: string): string {
  let key = keys.get(text);
  if (key !== undefined) return key;
  key = displayName(text).toLowerCase();
  if (key.includes("ё")) key = key.replace(/ё/g, "е");
  if (key.includes("»") || key.includes('"')) key = key.replace(/[»"]/g, "«");
  if (/[-–—]/.test(key)) key = key.replace(/\s*[-–—]\s*/g, "-");
  if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
  keys.set(text, key);
  return key;
}
