// Hand-built parsed plans for the storage tests: small, explicit, independent of the importer.
import type {
  Deadline,
  Executor,
  Occurrence,
  ParsedPlan,
  PlanItem,
  RelativeDeadline,
} from "../../src/domain/plan/types.js";

export const dated = (...occurrences: [string | null, string][]): Deadline => ({
  raw: occurrences.map(([s, d]) => (s ? `${s}–${d}` : `до ${d}`)).join("; "),
  kind: "dated",
  occurrences: occurrences.map(([start, due]): Occurrence => ({ start, due })),
  relative: null,
});

export const quarterly = (year: number): Deadline => ({
  raw: "1 раз в квартал",
  kind: "recurring",
  occurrences: [
    { start: `${year}-01-01`, due: `${year}-03-31` },
    { start: `${year}-04-01`, due: `${year}-06-30` },
    { start: `${year}-07-01`, due: `${year}-09-30` },
    { start: `${year}-10-01`, due: `${year}-12-31` },
  ],
  relative: null,
});

export const continuous = (start: string, due: string): Deadline => ({
  raw: "постоянно",
  kind: "continuous",
  occurrences: [{ start, due }],
  relative: null,
});

export const onDemand = (): Deadline => ({
  raw: "по мере необходимости",
  kind: "on_demand",
  occurrences: [],
  relative: null,
});
export const none = (): Deadline => ({ raw: "", kind: "none", occurrences: [], relative: null });
export const unparsed = (raw: string): Deadline => ({
  raw,
  kind: "unparsed",
  occurrences: [],
  relative: null,
});

export const relative = (
  raw: string,
  r: Partial<RelativeDeadline> & { after?: string | null },
): Deadline => ({
  raw,
  kind: "relative",
  occurrences: [],
  relative: { days: null, business: false, after: null, before: null, ...r },
});

export function item(
  number: string,
  title: string,
  deadline: Deadline,
  executors: (string | Executor)[],
  extra: Partial<PlanItem> = {},
): PlanItem {
  return {
    number,
    parent: null,
    section: null,
    title,
    deadline,
    executors: executors.map((e) => (typeof e === "string" ? { name: e, people: [] } : e)),
    result: null,
    ...extra,
  };
}

/** A plan of the given items; roles counted from the executors, aliases as given. */
export function plan(
  items: PlanItem[],
  opts: { title?: string; period?: { start: string; end: string }; aliases?: Record<string, string[]> } = {},
): ParsedPlan {
  const counts = new Map<string, number>();
  for (const i of items) for (const e of i.executors) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  const sections = [...new Set(items.map((i) => i.section).filter((s): s is string => s !== null))];
  return {
    title: opts.title ?? "План мероприятий на 2025 год",
    period: opts.period ?? { start: "2025-01-01", end: "2025-12-31" },
    glossary: [],
    sections: sections.map((number) => ({ number, title: `Раздел ${number}` })),
    items,
    roles: [...counts].map(([name, n]) => ({ name, aliases: opts.aliases?.[name] ?? [], items: n })),
    warnings: [],
  };
}
