// The plan's own names, gathered from every responsible cell before any single cell is read.
import type { GlossaryEntry } from "../plan/types.js";
import { capitalize, displayName, nameKey } from "./normalize.js";
import { readNames } from "./read-names.js";

/** What the whole plan says about its executors; built once per plan, then used for every cell. */
export interface ExecutorVocabulary {
  /** Keys of the names the plan uses on their own (each one name, not several run together). */
  readonly known: ReadonlySet<string>;
  /** Every word of every responsible cell, lower-case. */
  readonly words: ReadonlySet<string>;
  /** Key of a glossary form (short or full) → the short name. */
  readonly glossary: ReadonlyMap<string, string>;
  /** Key → the name shown for every spelling with that key. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Canonical name → the other spellings the plan uses for it. */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
  /** Each cell of the plan as read with the final vocabulary (so it is not split twice). */
  readonly reads: ReadonlyMap<string, CellRead>;
}

/** What reading one cell gives before spellings are merged. */
export type CellRead = ReturnType<typeof readNames>;

/** Enough rounds for chains like «A B» → «B» known → «B C» → «C» known. */
const MAX_ROUNDS = 6;

/** An empty vocabulary: cells read on their own, by grammar and capitalisation only. */
export function emptyVocabulary(): ExecutorVocabulary {
  return {
    known: new Set(),
    words: new Set(),
    glossary: new Map(),
    canonical: new Map(),
    aliases: new Map(),
    reads: new Map(),
  };
}

/**
 * Builds the vocabulary from all responsible cells of a plan: first the names each cell gives when
 * split at separators only; then, round after round, a name that splits into others the plan uses
 * on their own is replaced by its parts; finally the spellings of one name (case, «ё», Latin
 * look-alikes, hyphen spacing, the glossary's full form) are merged under one canonical name.
 * Linear in the number of distinct cells (times a few rounds).
 */
export function buildExecutorVocabulary(
  cells: Iterable<string>,
  glossary: readonly GlossaryEntry[] = [],
): ExecutorVocabulary {
  const unique = [...new Set(cells)].filter((c) => c.trim() !== "");
  const words = new Set<string>();
  for (const cell of unique) {
    for (const w of cell.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) words.add(w);
  }
  const glossaryMap = new Map<string, string>();
  for (const g of glossary) {
    const short = displayName(g.short);
    glossaryMap.set(nameKey(g.short), short);
    if (!glossaryMap.has(nameKey(g.full))) glossaryMap.set(nameKey(g.full), short);
  }

  const known = new Set<string>();
  const pieces = new Map<string, string>();
  const loose = { known, words, runTogether: false };
  for (const cell of unique) {
    for (const n of readNames(cell, loose).names) {
      const key = nameKey(n.name);
      known.add(key);
      if (!pieces.has(key)) pieces.set(key, n.name);
    }
  }

  // A piece is looked at again only when a name learnt in the round before could occur in it.
  let candidates = [...pieces.keys()].filter((key) => key.includes(" "));
  for (let round = 0; round < MAX_ROUNDS && candidates.length > 0; round++) {
    const learnt = new Set<string>();
    for (const key of candidates) {
      if (!known.has(key)) continue;
      const parts = readNames(pieces.get(key)!, { known, words, runTogether: true, exclude: key }).names;
      if (parts.length < 2) continue;
      known.delete(key);
      for (const p of parts) {
        const k = nameKey(p.name);
        if (!known.has(k)) learnt.add(k.split(" ")[0]!);
        known.add(k);
        if (!pieces.has(k)) pieces.set(k, p.name);
      }
    }
    candidates = [...pieces.keys()].filter(
      (key) => known.has(key) && key.includes(" ") && key.split(" ").some((w) => learnt.has(w)),
    );
  }

  // Spellings per merged name, in order of first use, with their counts.
  const spellings = new Map<string, Map<string, number>>();
  const final = { known, words, runTogether: true };
  const reads = new Map<string, CellRead>();
  for (const cell of unique) {
    const read = readNames(cell, final);
    reads.set(cell, read);
    for (const n of read.names) {
      const key = mergedKey(nameKey(n.name), glossaryMap);
      let forms = spellings.get(key);
      if (!forms) {
        forms = new Map();
        spellings.set(key, forms);
      }
      forms.set(n.name, (forms.get(n.name) ?? 0) + 1);
    }
  }
  const canonical = new Map<string, string>();
  const aliases = new Map<string, readonly string[]>();
  for (const [key, forms] of spellings) {
    const short = glossaryMap.get(key);
    let name = short !== undefined ? capitalize(short) : "";
    if (name === "") {
      let best = 0;
      for (const [form, count] of forms) {
        if (count > best) {
          best = count;
          name = form;
        }
      }
    }
    canonical.set(key, name);
    const others = [...forms.keys()].filter((f) => f !== name);
    const list = aliases.get(name) ?? [];
    aliases.set(name, [...list, ...others.filter((o) => !list.includes(o))]);
  }
  return { known, words, glossary: glossaryMap, canonical, aliases, reads };
}

/** The key a name is merged under: the glossary's short form when the name is one of its forms. */
export function mergedKey(key: string, glossary: ReadonlyMap<string, string>): string {
  const short = glossary.get(key);
  return short === undefined ? key : nameKey(short);
}
