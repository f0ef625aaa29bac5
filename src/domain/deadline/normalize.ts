// Length-preserving normalisation of a deadline cell: every index in the result is the same
// character of the raw text, so spans found in it cut the original wording out of `raw`.

const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\t\r\f\v\u00a0\u2007\u2009\u202f\u200a]/g;
const MIXED_WORD = /[a-z\u00c0-\u024f\u0400-\u04ff]+/g;
const HAS_CYRILLIC = /[а-я]/;
const HAS_LATIN = /[a-z]/;
const LOOKALIKES = /[abcehkmoptxy]/g;
// Latin letters that look like Cyrillic ones (after lowercasing «B», «H», «K», «M», «T»).
// Not i and v: those are roman numerals glued to a word («IVквартал»).
const CYRILLIC_OF: Record<string, string> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

function lower(raw: string): string {
  const s = raw.toLowerCase();
  if (s.length === raw.length) return s;
  // A rare letter grew on lowercasing («İ»): lower character by character instead.
  let out = "";
  for (const ch of raw) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * Lowercases, unifies dashes and spaces, «ё» → «е», Cyrillic «і» → roman «i», and reads Latin
 * look-alike letters inside Cyrillic words as Cyrillic. The result has the length of `raw`.
 */
export function normalize(raw: string): string {
  return lower(raw)
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .replace(/ё/g, "е")
    .replace(/і/g, "i")
    .replace(MIXED_WORD, (w) =>
      HAS_CYRILLIC.test(w) && HAS_LATIN.test(w) ? w.replace(LOOKALIKES, (c) => CYRILLIC_OF[c] ?? c) : w,
    );
}
