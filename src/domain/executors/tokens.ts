// Splitting text at the top level only: never inside «quotes» or (parentheses).

/** For each character, whether it lies inside quotes or parentheses (the brackets included). */
export function nestedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let parens = 0;
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") parens++;
    else if (ch === "«") quotes++;
    const inside = parens > 0 || quotes > 0;
    if (ch === ")" && parens > 0) parens--;
    else if (ch === "»" && quotes > 0) quotes--;
    mask[i] = inside ? 1 : 0;
  }
  return mask;
}

/** Pieces of text between top-level separator characters, with the separator that preceded each. */
export function splitTopLevel(text: string, separators: string): { text: string; sep: string }[] {
  const mask = nestedMask(text);
  const out: { text: string; sep: string }[] = [];
  let start = 0;
  let sep = "";
  for (let i = 0; i < text.length; i++) {
    if (mask[i] === 0 && separators.includes(text[i]!)) {
      out.push({ text: text.slice(start, i), sep });
      sep = text[i]!;
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), sep });
  return out;
}

/** Words separated by top-level whitespace; a quoted or bracketed span stays in its word. */
export function topLevelWords(text: string): string[] {
  const mask = nestedMask(text);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || (mask[i] === 0 && /\s/.test(text[i]!));
    if (space) {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return out;
}

/** Splits at a top-level word («или»), case-insensitive. */
export function splitAtWord(text: string, word: string): string[] {
  const mask = nestedMask(text);
  const out: string[] = [];
  const re = new RegExp(`(?<=\\s)${word}(?=\\s)`, "giu");
  let start = 0;
  for (const m of text.matchAll(re)) {
    if (mask[m.index] === 1) continue;
    out.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out;
}
