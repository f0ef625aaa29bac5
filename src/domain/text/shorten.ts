// Plan titles run to several lines; a phone shows a list line or a button label in one.

/**
 * Collapses whitespace and shortens `s` to at most `max` characters, cutting at a word boundary
 * when one is near and ending with «…». Returns plain text (escape it afterwards).
 */
export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  if (space >= max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:—–-]+$/, "")}…`;
}
