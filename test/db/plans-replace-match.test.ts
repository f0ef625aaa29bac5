import { describe, expect, it } from "vitest";
import {
  matchOccurrences,
  matchReplacement,
  numberKey,
  type ReplaceItem,
  type ReplaceOccurrence,
  titleKey,
} from "../../src/domain/plan/replace.js";

let nextId = 1;
const occ = (due: string | null, start: string | null = null, kind = "dated"): ReplaceOccurrence => ({
  id: nextId++,
  seq: 0,
  kind,
  start,
  due,
});
const it_ = (number: string, title: string, ...occurrences: ReplaceOccurrence[]): ReplaceItem => ({
  id: nextId++,
  number,
  title,
  occurrences: occurrences.map((o, i) => ({ ...o, seq: i + 1 })),
});

describe("numberKey and titleKey", () => {
  it("ignore trailing dots, spacing, case, «ё», quotes and punctuation", () => {
    expect(numberKey("1.1.")).toBe(numberKey(" 1.1"));
    expect(numberKey("IV.")).toBe(numberKey("iv"));
    expect(titleKey("Создание «Общественного совета»,  утверждение\nположения.")).toBe(
      titleKey('создание "общественного совета" утверждение положения'),
    );
    expect(titleKey("Отчёт")).toBe(titleKey("Отчет"));
    expect(titleKey("Отчёт о работе")).not.toBe(titleKey("Отчёт о работе совета"));
  });
});

describe("matchReplacement", () => {
  it("keeps items with the same number and title, pairs occurrences by due date, reopens the rest", () => {
    const o1 = it_("1", "Утвердить положение", occ("2025-03-31"));
    const o2 = it_(
      "2.",
      "Отчёт за квартал",
      occ("2025-03-31", "2025-01-01"),
      occ("2025-06-30", "2025-04-01"),
    );
    const o3 = it_("3", "Старое название", occ("2025-05-01"));
    const o4 = it_("4", "Удалённый пункт", occ("2025-05-01"));
    const o5 = it_("5", "Постоянно", occ(null, "2025-01-01", "continuous"));
    const o6 = it_("6", "Перенесённый срок", occ("2025-04-01"));

    const n1 = it_("1", "Утвердить  положение.", occ("2025-03-31"));
    // A quarter added at the end: the first two keep their state.
    const n2 = it_(
      "2",
      "Отчёт за квартал",
      occ("2025-03-31", "2025-01-01"),
      occ("2025-06-30", "2025-04-01"),
      occ("2025-09-30", "2025-07-01"),
    );
    const n3 = it_("3", "Новое название", occ("2025-05-01"));
    const n5 = it_("5", "постоянно", occ(null, "2025-01-01", "continuous"));
    const n6 = it_("6", "Перенесённый срок", occ("2025-04-15"));
    const n7 = it_("7", "Новый пункт", occ("2025-07-01"));

    const m = matchReplacement([o1, o2, o3, o4, o5, o6], [n1, n2, n3, n5, n6, n7]);
    expect(m.items).toEqual([
      {
        newId: n1.id,
        oldId: o1.id,
        change: "unchanged",
        occurrences: [{ newId: n1.occurrences[0]!.id, oldId: o1.occurrences[0]!.id }],
      },
      {
        newId: n2.id,
        oldId: o2.id,
        change: "changed",
        occurrences: [
          { newId: n2.occurrences[0]!.id, oldId: o2.occurrences[0]!.id },
          { newId: n2.occurrences[1]!.id, oldId: o2.occurrences[1]!.id },
        ],
      },
      { newId: n3.id, oldId: null, change: "changed", occurrences: [] },
      {
        newId: n5.id,
        oldId: o5.id,
        change: "unchanged",
        occurrences: [{ newId: n5.occurrences[0]!.id, oldId: o5.occurrences[0]!.id }],
      },
      { newId: n6.id, oldId: o6.id, change: "changed", occurrences: [] },
      { newId: n7.id, oldId: null, change: "added", occurrences: [] },
    ]);
    expect(m.removed).toEqual([o4.id]);
  });

  it("matches items that appear twice in order", () => {
    const a = it_("1", "Совещание", occ("2025-02-01"));
    const b = it_("1", "Совещание", occ("2025-03-01"));
    const c = it_("1", "Совещание", occ("2025-02-01"));
    const d = it_("1", "Совещание", occ("2025-03-01"));
    const m = matchReplacement([a, b], [c, d]);
    expect(m.items.map((i) => [i.newId, i.oldId, i.change])).toEqual([
      [c.id, a.id, "unchanged"],
      [d.id, b.id, "unchanged"],
    ]);
  });
});

describe("matchOccurrences", () => {
  it("prefers the same window, then the same due date, then undated ones of the same kind by order", () => {
    const old = [
      occ("2025-03-31", "2025-03-01"),
      occ("2025-03-31", "2025-01-01"),
      occ(null, null, "on_demand"),
    ];
    const fresh = [
      occ("2025-03-31", "2025-01-01"),
      occ("2025-03-31", null),
      occ(null, "2025-01-01", "continuous"),
    ];
    expect(matchOccurrences(old, fresh)).toEqual([
      { newId: fresh[0]!.id, oldId: old[1]!.id },
      { newId: fresh[1]!.id, oldId: old[0]!.id },
    ]);
  });
});
