// Replacing a published plan by a corrected version: which items and occurrences of the new
// version take over the marks, comments, reports and review states of the old one.
import type { IsoDate } from "./types.js";

/** One stored occurrence of an item, as matching needs it. */
export interface ReplaceOccurrence {
  id: number;
  seq: number;
  kind: string;
  start: IsoDate | null;
  due: IsoDate | null;
}

/** One stored item with its occurrences. */
export interface ReplaceItem {
  id: number;
  number: string;
  title: string;
  occurrences: ReplaceOccurrence[];
}

/**
 * How a new item relates to the old version:
 * - `unchanged`: same number and title, and every occurrence found its counterpart;
 * - `changed`: same number and title but some occurrences differ (only the matching ones keep
 *   their state), or the same number with another title (starts open: `oldId` is null);
 * - `added`: a number the old version did not have.
 */
export type ItemChange = "unchanged" | "changed" | "added";

export interface OccurrencePair {
  newId: number;
  oldId: number;
}

export interface ItemMatch {
  newId: number;
  /** The old item whose state carries over; null when nothing carries over. */
  oldId: number | null;
  change: ItemChange;
  occurrences: OccurrencePair[];
}

export interface ReplaceMatch {
  items: ItemMatch[];
  /** Old items that nothing in the new version takes over. */
  removed: number[];
}

/** An item number as compared: «1.1.», «1.1» and « 1.1 » are the same. */
export function numberKey(n: string): string {
  return n
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[.)]+$/, "");
}

/** An item title as compared: case, «ё», punctuation, quotes and spacing do not matter. */
export function titleKey(t: string): string {
  return t
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Matches the items of the new version to the old one by number and title (normalised), then
 * their occurrences one by one: by due date (and start, when both have it), and occurrences
 * without a due date (continuous, on-demand) by kind and order. Items that appear twice with
 * the same number and title are matched in order. Pure.
 */
export function matchReplacement(
  oldItems: readonly ReplaceItem[],
  newItems: readonly ReplaceItem[],
): ReplaceMatch {
  const byKey = new Map<string, ReplaceItem[]>();
  const oldNumbers = new Set<string>();
  for (const item of oldItems) {
    const key = `${numberKey(item.number)}\u0000${titleKey(item.title)}`;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
    oldNumbers.add(numberKey(item.number));
  }

  const taken = new Set<number>();
  const renumbered = new Set<string>();
  const items: ItemMatch[] = newItems.map((item) => {
    const key = `${numberKey(item.number)}\u0000${titleKey(item.title)}`;
    const old = byKey.get(key)?.shift();
    if (!old) {
      const sameNumber = oldNumbers.has(numberKey(item.number));
      if (sameNumber) renumbered.add(numberKey(item.number));
      return { newId: item.id, oldId: null, change: sameNumber ? "changed" : "added", occurrences: [] };
    }
    taken.add(old.id);
    const occurrences = matchOccurrences(old.occurrences, item.occurrences);
    const complete =
      occurrences.length === item.occurrences.length && occurrences.length === old.occurrences.length;
    return { newId: item.id, oldId: old.id, change: complete ? "unchanged" : "changed", occurrences };
  });

  const removed = oldItems
    .filter((o) => !taken.has(o.id) && !renumbered.has(numberKey(o.number)))
    .map((o) => o.id);
  return { items, removed };
}

/** Pairs occurrences of one item: same due and start, then same due, then undated by kind and seq. */
export function matchOccurrences(
  oldOccurrences: readonly ReplaceOccurrence[],
  newOccurrences: readonly ReplaceOccurrence[],
): OccurrencePair[] {
  const olds = [...oldOccurrences].sort((a, b) => a.seq - b.seq);
  const news = [...newOccurrences].sort((a, b) => a.seq - b.seq);
  const usedOld = new Set<number>();
  const pairOf = new Map<number, number>();
  const passes: ((o: ReplaceOccurrence, n: ReplaceOccurrence) => boolean)[] = [
    (o, n) => n.due !== null && o.due === n.due && o.start === n.start,
    (o, n) => n.due !== null && o.due === n.due,
    (o, n) => n.due === null && o.due === null && o.kind === n.kind,
  ];
  for (const same of passes) {
    for (const n of news) {
      if (pairOf.has(n.id)) continue;
      const o = olds.find((c) => !usedOld.has(c.id) && same(c, n));
      if (!o) continue;
      usedOld.add(o.id);
      pairOf.set(n.id, o.id);
    }
  }
  return news.flatMap((n) => {
    const oldId = pairOf.get(n.id);
    return oldId === undefined ? [] : [{ newId: n.id, oldId }];
  });
}
