// The dry-run JSON: exactly the public shape of plan-import.md, keys in its order, nothing more.
import type { Deadline, ParsedPlan } from "../domain/plan/types.js";

function deadlineJson(d: Deadline): Deadline {
  return {
    raw: d.raw,
    kind: d.kind,
    occurrences: d.occurrences.map((o) => ({ start: o.start, due: o.due })),
    relative: d.relative
      ? {
          days: d.relative.days,
          business: d.relative.business,
          after: d.relative.after,
          before: d.relative.before,
        }
      : null,
  };
}

/** A copy of the parsed plan with exactly the documented keys, in the documented order. */
export function planJson(p: ParsedPlan): ParsedPlan {
  return {
    title: p.title,
    period: { start: p.period.start, end: p.period.end },
    glossary: p.glossary.map((g) => ({ short: g.short, full: g.full })),
    sections: p.sections.map((s) => ({ number: s.number, title: s.title })),
    items: p.items.map((i) => ({
      number: i.number,
      parent: i.parent,
      section: i.section,
      title: i.title,
      deadline: deadlineJson(i.deadline),
      executors: i.executors.map((e) => ({ name: e.name, people: [...e.people] })),
      result: i.result,
    })),
    roles: p.roles.map((r) => ({ name: r.name, aliases: [...r.aliases], items: r.items })),
    warnings: p.warnings.map((w) => ({ item: w.item, message: w.message })),
  };
}
