// Whatever a cell holds, readDeadline returns a well-formed deadline and never throws.
import { describe, expect, it } from "vitest";
import { readDeadline } from "../../../src/domain/deadline/index.js";
import { context, school2023, year2021, years2016to2018 } from "./support.js";

const TOKENS = [
  "до",
  "с",
  "по",
  "в",
  "течение",
  "течении",
  "не позднее",
  "за",
  "после",
  "со дня",
  "ежегодно",
  "ежемесячно",
  "1 раз в квартал",
  "еженедельно",
  "по понедельникам",
  "постоянно",
  "по запросам",
  "года",
  "г.",
  "2021",
  "2017-2018 гг.",
  "30.09.2021",
  "09.06",
  "31.02.2021",
  "18 мая",
  "мая",
  "март",
  "IV",
  "квартал",
  "I полугодие",
  "числа",
  "25",
  "следующего за отчетным",
  "-",
  "–",
  "\n",
  ";",
  ",",
  "(",
  ")",
  "рабочих",
  "дней",
  "проведения НОКО",
  "учебного года",
  "мกราคม",
  "0",
  "12",
  "декада",
  "конца",
  "начала",
  "ё",
  "X",
  "кв.",
  "полугодия",
  "10 (десяти)",
];

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe("readDeadline on arbitrary cells", () => {
  it("keeps the raw text, dates well-formed, start not after due, relative with exactly one side", () => {
    const next = random(20240601);
    const contexts = [year2021, years2016to2018, school2023, context("2030-01-01", "2030-12-31")];
    for (let i = 0; i < 3000; i++) {
      const words = Array.from(
        { length: 1 + Math.floor(next() * 7) },
        () => TOKENS[Math.floor(next() * TOKENS.length)],
      );
      const raw = words.join(next() < 0.5 ? " " : "");
      const ctx = contexts[i % contexts.length]!;
      const { deadline, warnings } = readDeadline(raw, ctx);
      expect(deadline.raw).toBe(raw);
      for (const o of deadline.occurrences) {
        expect(o.due, raw).toMatch(ISO);
        if (o.start !== null) {
          expect(o.start, raw).toMatch(ISO);
          expect(o.start <= o.due, raw).toBe(true);
        }
      }
      if (deadline.relative)
        expect((deadline.relative.after === null) !== (deadline.relative.before === null), raw).toBe(true);
      if (deadline.kind === "unparsed") expect(warnings.length, raw).toBeGreaterThan(0);
      if (["relative", "on_demand", "none", "unparsed"].includes(deadline.kind))
        expect(deadline.occurrences).toEqual([]);
      else expect(deadline.occurrences.length, raw).toBeGreaterThan(0);
    }
  });

  it("an invalid period gives unparsed, not an exception", () => {
    const { deadline } = readDeadline("еженедельно", context("не дата", "2021-12-31"));
    expect(deadline.kind).toBe("unparsed");
  });
});
