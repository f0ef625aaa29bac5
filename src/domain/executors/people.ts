// Named people inside a responsible cell: «Белокурова И.В.», «Т.И. Герасименко».
import { isHeadNoun } from "./words.js";

const SURNAME = "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
const INITIALS = "\\p{Lu}\\.\\s?(?:\\p{Lu}\\.?)?";

/** A surname with initials after or before it, not inside a longer word. */
const PERSON = new RegExp(
  `(?<![\\p{L}.])(?:${SURNAME}[ \\t]+${INITIALS}|\\p{Lu}\\.\\s?\\p{Lu}\\.\\s?${SURNAME})(?![\\p{L}])`,
  "gu",
);

export interface PersonMatch {
  /** The person as written, spaces collapsed. */
  name: string;
  start: number;
  end: number;
}

/**
 * Every named person in the text, in order. A role noun is no surname: in «Методист Т.И.
 * Герасименко» the person is «Т.И. Герасименко».
 */
export function findPeople(text: string): PersonMatch[] {
  const out: PersonMatch[] = [];
  const re = new RegExp(PERSON.source, "gu");
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const first = /^\p{L}+/u.exec(m[0])?.[0] ?? "";
    if (first.length > 1 && isHeadNoun(first)) {
      re.lastIndex = m.index + first.length;
      continue;
    }
    const name = m[0].replace(/\s+/g, " ").trim();
    out.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
