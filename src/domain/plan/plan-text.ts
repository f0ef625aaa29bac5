// Plan text as people read it: titles and results on one line, without footnote marks.

/**
 * One line of readable text: line breaks and runs of spaces become one space, a word broken by a
 * hyphen at a line end is rejoined with its hyphen, footnote marks («*», «***», «<*>») dropped.
 */
export function cleanText(text: string): string {
  return text
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, "$1-$2")
    .replace(/\s*(?:<\*+>|\*+)(?=[\s,.;:)»]|$)/g, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Letters of other scripts inside a word («мกราคม»): text recognition gone wrong. */
const FOREIGN_WORD =
  /[\p{L}\p{M}]*(?:(?![\p{Script=Cyrillic}\p{Script=Latin}\p{Script=Inherited}])[\p{L}\p{M}])+[\p{L}\p{M}]*/gu;

const FOREIGN_LETTER = /(?![\p{Script=Cyrillic}\p{Script=Latin}\p{Script=Inherited}])[\p{L}\p{M}]/u;

/** Words with letters that are neither Cyrillic nor Latin, as written. */
export function foreignWords(text: string): string[] {
  if (!FOREIGN_LETTER.test(text)) return [];
  return text.match(FOREIGN_WORD) ?? [];
}
