// The pure part of publishing a plan: which occurrences a deadline gives, which roles an item
// names, and which relative deadlines wait for a recorded event.
import type {
  Deadline,
  DeadlineKind,
  Executor,
  IsoDate,
  Period,
  PlanRole,
  RelativeDeadline,
} from "./types.js";

/** An occurrence to store for an item: `due` is null for continuous and on-demand items. */
export interface OccurrenceDraft {
  /** 1-based position among the item's occurrences. */
  seq: number;
  start: IsoDate | null;
  due: IsoDate | null;
  kind: DeadlineKind;
}

/**
 * The occurrences publishing creates for a deadline: dated and recurring give one per window;
 * continuous gives one ongoing occurrence from the start of its span (or of the period), with no
 * due date (it never becomes overdue); on-demand gives one with no dates; relative gives none
 * until its event is recorded; none and unparsed give none.
 */
export function occurrencesOf(deadline: Deadline, period: Period): OccurrenceDraft[] {
  const kind = deadline.kind;
  switch (kind) {
    case "dated":
    case "recurring": {
      const seen = new Set<string>();
      const out: OccurrenceDraft[] = [];
      for (const o of deadline.occurrences) {
        const key = `${o.start ?? ""}|${o.due}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ seq: out.length + 1, start: o.start, due: o.due, kind });
      }
      return out;
    }
    case "continuous":
      return [{ seq: 1, start: deadline.occurrences[0]?.start ?? period.start, due: null, kind }];
    case "on_demand":
      return [{ seq: 1, start: null, due: null, kind }];
    default:
      return [];
  }
}

/** A role named on an item, with the people the plan names under it there. */
export interface ItemRoleLink {
  roleName: string;
  people: string[];
}

/** The roles an item names: executor names trimmed, the same name twice merged (people joined). */
export function itemRoleLinks(executors: readonly Executor[]): ItemRoleLink[] {
  const byKey = new Map<string, ItemRoleLink>();
  for (const e of executors) {
    const roleName = e.name.replace(/\s+/g, " ").trim();
    if (roleName === "") continue;
    const key = nameKey(roleName);
    const link = byKey.get(key) ?? { roleName, people: [] };
    for (const p of e.people) if (!link.people.includes(p)) link.people.push(p);
    byKey.set(key, link);
  }
  return [...byKey.values()];
}

/** How names are compared: case, «ё», quotes and spacing do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"„“”'`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A role already stored: its canonical name and the other spellings it is known by. */
export interface KnownRole {
  id: number;
  name: string;
  aliases: string[];
}

/**
 * Finds the stored role a plan's role name means: same canonical name first, else a role that
 * lists the name (or one of the plan's aliases for it) among its spellings.
 */
export function findRole(
  name: string,
  aliases: readonly string[],
  known: readonly KnownRole[],
): KnownRole | null {
  const key = nameKey(name);
  const byName = known.find((r) => nameKey(r.name) === key);
  if (byName) return byName;
  const keys = new Set([key, ...aliases.map(nameKey)]);
  return known.find((r) => keys.has(nameKey(r.name)) || r.aliases.some((a) => keys.has(nameKey(a)))) ?? null;
}

/** The aliases the plan gives for a role name (empty when the plan's role list does not name it). */
export function aliasesFor(name: string, roles: readonly PlanRole[]): string[] {
  const key = nameKey(name);
  return roles.find((r) => nameKey(r.name) === key)?.aliases ?? [];
}

/** The union of two alias lists, without the canonical name itself and without repeats. */
export function mergeAliases(canonical: string, a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set([nameKey(canonical)]);
  for (const alias of [...a, ...b]) {
    const key = nameKey(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** How event names are compared: as `nameKey`, and end punctuation does not matter either. */
export function eventKey(text: string): string {
  return nameKey(text)
    .replace(/[.,;:!?()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The event a relative deadline waits for (its `after` or `before` text). */
export function awaitedEvent(relative: RelativeDeadline): string | null {
  return relative.after ?? relative.before ?? null;
}

/** True when recording the event named `eventName` gives this relative deadline its occurrence. */
export function waitsForEvent(relative: RelativeDeadline, eventName: string): boolean {
  const awaited = awaitedEvent(relative);
  return awaited !== null && eventKey(awaited) === eventKey(eventName);
}
