/** Spaces that are spaces to a reader (no-break, figure, narrow no-break). */
const ODD_SPACES = /[\u00a0\u2007\u202f]/g;
/** Characters no reader sees: zero-width ones, BOMs inside text, soft hyphens. */
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g;

/**
 * Text as a reader sees it, the same from every format: odd spaces as plain spaces, invisible
 * characters removed, line ends as "\n". (The text layout reader does the same for NBSP.)
 */
export function cleanCellText(text: string): string {
  return text.replace(ODD_SPACES, " ").replace(INVISIBLE, "").replace(/\r\n?/g, "\n");
}
