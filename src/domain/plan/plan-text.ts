// Plan text as people read it: titles and results on one line, without footnote marks.

/**
 * One line of readable text: line breaks and runs of spaces become one space, a word broken by a
 * hyphen at a line end is rejoined with its hyphen, footnote marks («*», «***», «<*>») dropped.
 */
export function cleanText(text: string): string {
  let t = text;
  if (t.includes("-")) t = t.replace(HYPHEN_BREAK, "$1-$2");
  if (t.includes("*")) t = t.replace(FOOTNOTE, "").replace(/\*\*/g, "");
  return t.replace(/\s+/g, " ").trim();
}

const HYPHEN_BREAK = /(\p{L})-[ \t]*\n\s*(\p{Ll})/gu;
const FOOTNOTE = /\s*(?:<\*+>|\*+)(?=[\s,.;:)»]|$)/g;

/** Letters of other scripts inside a word («мกราคม»): text recognition gone wrong. */
const FOREIGN_WORD =
  /[\p{L}\p{M}]*(?:(?![\p{Script=Cyrillic}\p{Script=Latin}\p{Script=Inherited}])[\p{L}\p{M}])+[\p{L}\p{M}]*/gu;

/** Quick check: any character beyond Latin, Cyrillic, combining accents and general punctuation. */
function hasUnusualCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x24f || (c >= 0x300 && c <= 0x36f) || (c >= 0x400 && c <= 0x52f)) continue;
    if ((c >= 0x2000 && c <= 0x206f) || c === 0x2116) continue;
    return true;
  }
  return false;
}
const FOREIGN_LETTER = /(?![\p{Script=Cyrillic}\p{Script=Latin}\p{Script=Inherited}])[\p{L}\p{M}]/u;

/** Words with letters that are neither Cyrillic nor Latin, as written. */
export function foreignWords(text: string): string[] {
  if (!hasUnusualCharacter(text) || !FOREIGN_LETTER.test(text)) return [];
  return text.match(FOREIGN_WORD) ?? [];
}
