// Dates with a written year anywhere in a cell: what the plan assembler needs for the period of a
// plan with no year in its title, and for the latest date behind «до конца учебного года».
import type { IsoDate } from "../plan/types.js";
import { scanAtoms, toPieces } from "./atoms.js";
import { normalize } from "./normalize.js";
import { windowIn } from "./place.js";

const OPTIONS = { schoolYear: false, academicEndMonth: 5, academicEndDay: 31 };

/**
 * Dates with a year found in a cell, in order: full dates («30.09.2021», «18 мая 2021», both ends
 * of «09.06 – 17.07.21», where the first borrows the year), and the first and last day of a month,
 * quarter, half-year or year that has its year written («IV квартал 2016 г.» → 2016-10-01,
 * 2016-12-31). Values with no year are left out.
 */
export function scanExplicitDates(raw: string): IsoDate[] {
  const text = normalize(raw);
  const out: IsoDate[] = [];
  for (const piece of toPieces(text, scanAtoms(text, OPTIONS).atoms)) {
    const { a, b } = piece;
    if (a.academicEnd) continue;
    if (b === null) {
      if (a.year === null) continue;
      const w = windowIn(a, a.year);
      if (w) out.push(...(a.day ? [w[0]] : w));
      continue;
    }
    if (a.year === null && b.year === null) continue;
    let ya = a.year ?? b.year!;
    const early = windowIn(a, ya);
    const bStart = windowIn(b, b.year ?? ya);
    if (a.year === null && early && bStart && early[0] > bStart[0]) ya--;
    const wa = windowIn(a, ya);
    if (wa === null) continue;
    let yb = b.year ?? ya + a.span;
    if (b.year === null && (windowIn(b, yb)?.[0] ?? "") < wa[0]) yb++;
    const wb = windowIn(b, yb);
    if (wb) out.push(wa[0], wb[1]);
  }
  return [...new Set(out)];
}
