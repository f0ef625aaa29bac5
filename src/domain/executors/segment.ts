// Names run together with spaces only («МОиН УР Организация-оператор Орган местного
// самоуправления»): split where the plan's own vocabulary and capitalisation say a new name starts.
import { nameKey } from "./normalize.js";
import { topLevelWords } from "./tokens.js";
import { facts, readsAsNameByGrammar } from "./words.js";

/** Names the plan uses on their own, by key; `exclude` is left out (a name tested against the rest). */
export interface Known {
  has(key: string): boolean;
}

/** Longer phrases are not split: they are sentences, not lists of names. */
const MAX_WORDS = 40;
const KNOWN_SCORE = 10;
const SEGMENT_COST = 1;
/** A split the capitalisation alone suggests («… организация Орган …») beats keeping one name. */
const CAPITAL_BONUS = 2;

interface WordInfo {
  upper: boolean;
  lower: boolean;
  func: boolean;
  abbreviation: boolean;
  opensNested: boolean;
  numeric: boolean;
  headStart: boolean;
}

function describe(token: string): WordInfo {
  const f = facts(token);
  return {
    upper: f.upperStart,
    lower: f.lowerStart,
    func: f.func,
    abbreviation: f.abbreviation && f.bare === f.bare.toUpperCase(),
    opensNested: token.startsWith("«") || token.startsWith("("),
    numeric: f.numeric,
    headStart: !f.abbreviation && (f.head || f.nominativeAdjective),
  };
}

/**
 * Splits one line into the names run together in it. Each split needs a reason: a name the plan
 * uses on its own on one side (and a capital letter starting the next one, unless both sides are
 * known), or a capitalised nominative word right after a lower-case one. Never inside quotes or
 * parentheses, never after a preposition, never before a lone abbreviation that qualifies the
 * word before it («руководители ОМСУ»).
 */
export function splitRunTogether(line: string, known: Known, exclude?: string): string[] {
  const words = topLevelWords(line);
  const n = words.length;
  if (n < 2 || n > MAX_WORDS) return [line.trim()];
  const info = words.map(describe);
  // Whether the words from j read as a name: grammar looks at the first two words only.
  const cueSingle = words.map((w) => readsAsNameByGrammar(w));
  const cueMore = words.map((w, j) => j + 1 < n && readsAsNameByGrammar(`${w} ${words[j + 1]}`));
  const knownCache = new Map<number, boolean>();
  const isKnown = (j: number, i: number): boolean => {
    const id = j * (n + 1) + i;
    let v = knownCache.get(id);
    if (v === undefined) {
      const key = nameKey(words.slice(j, i).join(" "));
      v = key !== exclude && known.has(key);
      knownCache.set(id, v);
    }
    return v;
  };
  const NONE = Number.NEGATIVE_INFINITY;
  // dp[j][i]: best score of words [0, i) whose last name is [j, i); back[j][i]: start of the one before.
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(NONE));
  const back: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(-1));
  // For names ending at j: the best score over any start, and over starts that make a known name.
  // A split's rules look at the left name only through «known or not», so this keeps it O(n²).
  const bestAny = new Array<number>(n + 1).fill(NONE);
  const argAny = new Array<number>(n + 1).fill(-1);
  const bestKnown = new Array<number>(n + 1).fill(NONE);
  const argKnown = new Array<number>(n + 1).fill(-1);
  const settle = (j: number) => {
    for (let k = 0; k < j; k++) {
      const v = dp[k]![j]!;
      if (v > bestAny[j]!) {
        bestAny[j] = v;
        argAny[j] = k;
      }
      if (v > bestKnown[j]! && isKnown(k, j)) {
        bestKnown[j] = v;
        argKnown[j] = k;
      }
    }
  };
  for (let i = 1; i <= n; i++) {
    if (i > 1) settle(i - 1);
    for (let j = 0; j < i; j++) {
      const right = isKnown(j, i);
      const own = (right ? KNOWN_SCORE : 0) - SEGMENT_COST;
      if (j === 0) {
        dp[0]![i] = own;
        continue;
      }
      const next = info[j]!;
      const prev = info[j - 1]!;
      // Never before a quote, a bracket, a preposition or a number; never after a preposition;
      // never before a lone abbreviation that qualifies the word before it («руководители ОМСУ»).
      if (next.opensNested || next.func || next.numeric || prev.func) continue;
      if (i - j === 1 && next.abbreviation && prev.lower) continue;
      let best = NONE;
      let arg = -1;
      if (next.lower) {
        // A lower-case name only when both sides are names the plan uses on their own.
        if (right) {
          best = bestKnown[j]!;
          arg = argKnown[j]!;
        }
      } else if (next.upper) {
        if (right) {
          best = bestAny[j]!;
          arg = argAny[j]!;
        } else {
          best = bestKnown[j]!;
          arg = argKnown[j]!;
          const cue = i - j === 1 ? cueSingle[j] : cueMore[j];
          if (prev.lower && next.headStart && cue && bestAny[j]! + CAPITAL_BONUS > best) {
            best = bestAny[j]! + CAPITAL_BONUS;
            arg = argAny[j]!;
          }
        }
      }
      if (best === NONE) continue;
      dp[j]![i] = best + own;
      back[j]![i] = arg;
    }
  }
  let bestJ = 0;
  for (let j = 1; j < n; j++) if (dp[j]![n]! > dp[bestJ]![n]!) bestJ = j;
  const out: string[] = [];
  let i = n;
  let j = bestJ;
  while (i > 0) {
    out.push(words.slice(j, i).join(" "));
    const k = back[j]![i]!;
    i = j;
    j = Math.max(k, 0);
  }
  return out.reverse();
}

/**
 * «Главы поселений и руководители структурных подразделений» is two names; «Региональные
 * эксперты №1 и №2» and «Департамент культуры, спорта и молодежной политики» are one: split at a
 * top-level «и» only where both sides read as names of their own.
 */
export function splitAtAnd(name: string, known: Known): string[] {
  const words = topLevelWords(name);
  const reads = (ws: string[]) => {
    const text = ws.join(" ");
    return known.has(nameKey(text)) || readsAsNameByGrammar(text);
  };
  const out: string[] = [];
  let start = 0;
  for (let m = 1; m < words.length - 1; m++) {
    if (words[m]!.toLowerCase() !== "и") continue;
    const left = words.slice(start, m);
    const right = words.slice(m + 1);
    if (reads(left) && reads(right)) {
      out.push(left.join(" "));
      start = m + 1;
    }
  }
  out.push(words.slice(start).join(" "));
  return out;
}
