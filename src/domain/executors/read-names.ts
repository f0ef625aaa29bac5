// One responsible cell → the names written in it, before spellings are merged across the plan.
import {
  capitalize,
  displayName,
  FOOTNOTE_MARK,
  fixLookalikes,
  nameKey,
  normalizeQuotes,
} from "./normalize.js";
import { findPeople } from "./people.js";
import { type Known, splitAtAnd, splitRunTogether } from "./segment.js";
import { splitAtWord, splitTopLevel } from "./tokens.js";
import { isFunctionWord, readsAsNameByGrammar, startsLower } from "./words.js";

/** What reading a cell needs from the rest of the plan. */
export interface ReadContext {
  known: Known;
  /** Every word of every responsible cell, lower-case: tells «Организация-оператор» from «директо-ра». */
  words: ReadonlySet<string>;
  /** Split run-together names (off while the vocabulary itself is being collected). */
  runTogether: boolean;
  /** Left out of `known` (a name being tested against the others). */
  exclude?: string;
}

export interface NameRead {
  name: string;
  people: string[];
}

/** Second parts of real hyphenated role names, kept when a line ends at their hyphen. */
const COMPOUND_PARTS = new Set(
  "оператор операторы заказчик заказчики исполнитель исполнители координатор координаторы организатор организаторы эксперт эксперты психолог психологи логопед логопеды дефектолог библиотекарь методист методисты предметник предметники консультант аналитик организатора".split(
    " ",
  ),
);

const PREFIX =
  /(^|\n)[ \t]*(?:отв\.[ \t]*:?|ответственн(?:ый|ая|ые|ое)(?:[ \t]+исполнител(?:ь|и))?[ \t]*:|исполнител(?:ь|и)[ \t]*:)[ \t]*/giu;
const BY_AGREEMENT = /\(?\s*по\s+согласованию\s*\)?/giu;

function prepare(raw: string): string {
  let t = normalizeQuotes(fixLookalikes(raw.replace(/\u00A0/g, " ").replace(/\r\n?/g, "\n")));
  if (/соглас/i.test(t)) t = t.replace(BY_AGREEMENT, " ");
  if (t.includes("*")) t = t.replace(FOOTNOTE_MARK, "");
  if (/отв|исполн/i.test(t)) t = t.replace(PREFIX, "$1");
  return t;
}

/**
 * Reads the names in one responsible cell: separators, «или», line breaks, named people, names
 * run together, «и». Spellings are not merged here (see the vocabulary).
 */
export function readNames(raw: string, ctx: ReadContext): { names: NameRead[]; usedOr: boolean } {
  const reads = (phrase: string) => {
    const key = nameKey(phrase);
    return (key !== ctx.exclude && ctx.known.has(key)) || readsAsNameByGrammar(phrase);
  };
  const names: NameRead[] = [];
  let usedOr = false;
  for (const piece of commaPieces(prepare(raw), reads)) {
    const alternatives = splitAtWord(piece, "или");
    if (alternatives.length > 1) usedOr = true;
    for (const alternative of alternatives) readPiece(alternative, ctx, reads, names);
  }
  return { names: dedupe(names), usedOr };
}

/**
 * Pieces between commas and semicolons. A lower-case piece after a comma that does not read as a
 * name goes on the one before («…, выходящий с инициативой …», «Департамент культуры, спорта и …»).
 */
function commaPieces(text: string, reads: (phrase: string) => boolean): string[] {
  const out: string[] = [];
  for (const { text: piece, sep } of splitTopLevel(text, ",;")) {
    const trimmed = piece.trim();
    if (trimmed === "") continue;
    const firstLine = trimmed.split("\n")[0]!.trim();
    if (sep === "," && out.length > 0 && startsLower(firstLine) && !reads(firstLine)) {
      out[out.length - 1] += `, ${trimmed}`;
    } else {
      out.push(trimmed);
    }
  }
  return out;
}

/** One piece: roles, and the people written right after a role (else people of their own). */
function readPiece(piece: string, ctx: ReadContext, reads: (p: string) => boolean, out: NameRead[]): void {
  let owner: NameRead | null = null;
  let at = 0;
  for (const person of findPeople(piece)) {
    const before = piece.slice(at, person.start);
    if (before.trim() !== "") owner = readRoles(before, ctx, reads, out);
    at = person.end;
    if (owner) owner.people.push(person.name);
    else out.push({ name: person.name, people: [] });
  }
  const rest = piece.slice(at);
  if (rest.trim() !== "") readRoles(rest, ctx, reads, out);
}

/** Role names in a stretch of text; returns the last one (people written next belong to it). */
function readRoles(text: string, ctx: ReadContext, reads: (p: string) => boolean, out: NameRead[]) {
  let last: NameRead | null = null;
  for (const line of joinLines(text, ctx, reads)) {
    const parts = ctx.runTogether ? splitRunTogether(line, ctx.known, ctx.exclude) : [line];
    for (const part of parts) {
      for (const name of splitAtAnd(part, ctx.known)) {
        const display = displayName(name);
        if (!/\p{L}/u.test(display)) continue;
        last = { name: display, people: [] };
        out.push(last);
      }
    }
  }
  return last;
}

/**
 * Lines of a piece, joined where the name goes on: a word broken by a hyphen, a next line in
 * lower case, a line ending mid-phrase (a preposition, an open quote), or a side that does not
 * read as a name on its own («Гаврилов⏎Посад», «Тейковский ТО⏎Роспотребнадзора»).
 */
function joinLines(text: string, ctx: ReadContext, reads: (p: string) => boolean): string[] {
  const lines = text
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
  const out: string[] = [];
  for (const line of lines) {
    const current = out[out.length - 1];
    if (current === undefined) {
      out.push(line);
      continue;
    }
    const joined = joinPair(current, line, ctx, reads);
    if (joined === null) out.push(line);
    else out[out.length - 1] = joined;
  }
  return out;
}

function joinPair(a: string, b: string, ctx: ReadContext, reads: (p: string) => boolean): string | null {
  const hyphen = /(\p{L}+)-$/u.exec(a);
  if (hyphen && /^\p{Ll}/u.test(b)) {
    const left = hyphen[1]!.toLowerCase();
    const right = (/^\p{L}+/u.exec(b)?.[0] ?? "").toLowerCase();
    const keep =
      ctx.words.has(`${left}-${right}`) || (!ctx.words.has(left + right) && COMPOUND_PARTS.has(right));
    return keep ? a + b : a.slice(0, -1) + b;
  }
  const lastWord = a.split(" ").pop() ?? "";
  const firstWord = b.split(" ")[0] ?? "";
  if (startsLower(firstWord) || isFunctionWord(lastWord)) return `${a} ${b}`;
  if (/[,\-–—:]$/.test(a) || /^[«(\d№]/.test(b) || unbalanced(a)) return `${a} ${b}`;
  return reads(a) && reads(b) ? null : `${a} ${b}`;
}

function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/«/g) > count(/»/g) || count(/\(/g) > count(/\)/g);
}

function dedupe(names: NameRead[]): NameRead[] {
  const byKey = new Map<string, NameRead>();
  for (const n of names) {
    const key = nameKey(n.name);
    const seen = byKey.get(key);
    if (seen) {
      for (const p of n.people) if (!seen.people.includes(p)) seen.people.push(p);
    } else {
      byKey.set(key, { name: capitalize(n.name), people: [...n.people] });
    }
  }
  return [...byKey.values()];
}
