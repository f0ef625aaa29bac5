// Abbreviations a plan defines: footnotes («** Сектор УКО - сектор управления качеством
// образования») and «(далее – X)» after the phrase X stands for.
import { FUNCTION_WORDS } from "../executors/words.js";
import type { GlossaryEntry } from "./types.js";

/** «- ** Сектор УКО - сектор …;», «* комитет- комитет …», «<*> ОО – …», «1) ОМСУ – …». */
const FOOTNOTE =
  /^\s*[-–]?\s*(?:<\*+>|\*+|\d{1,2}\))(?:\s+|(?=\p{Lu}))(.{1,80}?)\s*[-–—]\s+(.+?)\s*[;.,]?\s*$/u;
/** «ОО – образовательные организации;» in a list of abbreviations, with no footnote mark. */
const ABBREVIATION_LINE = /^\s*[-–]?\s*([^\s\-–—][^\-–—]{0,40}?)\s+[-–—]\s+(.+?)\s*[;.,]?\s*$/u;
const FURTHER = /\(\s*далее(?:\s+по\s+тексту)?\s*[-–—:]?\s*([^()]{1,60}?)\s*\)/giu;

/** Lines of the footnotes and abbreviation lists in text outside the table. */
export function footnoteEntries(paragraph: string, afterTable: boolean): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const line of paragraph.split("\n")) {
    if (/\*\*\s*$/.test(line)) continue; // bold markers around a heading, not a footnote
    const m = FOOTNOTE.exec(line) ?? (afterTable ? abbreviationLine(line) : null);
    if (!m) continue;
    const short = unquote(m[1]!.trim());
    const full = m[2]!.trim();
    if (short !== "" && full !== "") out.push({ short, full });
  }
  return out;
}

function abbreviationLine(line: string): RegExpExecArray | null {
  const m = ABBREVIATION_LINE.exec(line);
  if (!m) return null;
  const capitals = m[1]!.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && m[1]!.split(/\s+/).length <= 4 ? m : null;
}

function unquote(text: string): string {
  return text.replace(/^[«"]([^«»"]+)[»"]$/, "$1").trim();
}

/** How far back the phrase an abbreviation stands for may start. */
const MAX_PHRASE_WORDS = 16;

/** «(далее – комитет)», «(далее НОКО)»: the short name with the phrase written before it. */
export function furtherEntries(text: string): GlossaryEntry[] {
  if (!/далее/i.test(text)) return [];
  const out: GlossaryEntry[] = [];
  for (const m of text.matchAll(FURTHER)) {
    const short = unquote(m[1]!.replace(/[.;,]+$/, "").trim());
    if (short === "" || /^\d/.test(short)) continue;
    const full = phraseBefore(text.slice(0, m.index), short);
    if (full) out.push({ short, full });
  }
  return out;
}

/**
 * The phrase before «(далее …)» that the short name stands for: for an abbreviation, the shortest
 * run of words whose initials contain its letters in order, starting with its first letter
 * («независимой оценки качества … (далее НОКО)»); for a word, from the nearest word sharing its
 * stem («комитета общего и … области (далее – комитет)»).
 */
function phraseBefore(before: string, short: string): string | null {
  const clause = before.split(/[.;:()\n]\s/).pop() ?? before;
  const words = clause.split(/\s+/).filter((w) => w !== "" && /[\p{L}\d]/u.test(w));
  const window = words.slice(-MAX_PHRASE_WORDS);
  // «ГИС «Образование»»: the letters of the part outside the quotes, when it has them.
  const outside = short.replace(/«[^»]*»/g, "");
  const lettersOf = (t: string) => t.replace(/[^\p{Lu}]/gu, "").toLowerCase();
  const letters = lettersOf(outside).length >= 2 ? lettersOf(outside) : lettersOf(short);
  const initial = (w: string) => (w.replace(/^[^\p{L}]+/u, "")[0] ?? "").toLowerCase();
  let start = -1;
  if (letters.length >= 2) {
    for (let s = window.length - 1; s >= 0; s--) {
      if (initial(window[s]!) !== letters[0]) continue;
      const initials = window
        .slice(s)
        .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
        .map(initial)
        .join("");
      if (isSubsequence(letters, initials)) {
        start = s;
        break;
      }
    }
  } else {
    const first = (short.split(/\s+/)[0] ?? "").toLowerCase();
    const stem = first.slice(0, Math.max(4, first.length - 2));
    for (let s = window.length - 1; s >= 0; s--) {
      if (window[s]!.toLowerCase().startsWith(stem)) {
        start = s;
        break;
      }
    }
    // «муниципальных образовательных учреждений (далее – Учреждения)»: the adjectives belong to it.
    for (let n = 0; n < 3 && start > 0 && AGREEING_ADJECTIVE.test(window[start - 1]!.toLowerCase()); n++)
      start--;
  }
  if (start < 0) return null;
  const phrase = window
    .slice(start)
    .join(" ")
    .replace(/[\s,;:–—-]+$/, "");
  return phrase === "" ? null : phrase;
}

const AGREEING_ADJECTIVE = /^[а-яё-]+(?:ых|их|ого|его|ой|ей|ую|юю|ый|ий|ая|яя|ое|ее|ые|ие|ым|им|ом|ем)$/;

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

/** Footnote definitions first, then «(далее …)» ones for names the footnotes do not define. */
export function mergeGlossary(footnotes: GlossaryEntry[], further: GlossaryEntry[]): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  const seen = new Set<string>();
  for (const e of [...footnotes, ...further]) {
    const key = e.short.toLowerCase().replace(/\s+/g, " ");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
