// Shared helpers of the deadline tests: contexts, occurrences written as «start..due», the seeds.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { DeadlineContext } from "../../../src/domain/plan/deadline-context.js";
import type { Occurrence } from "../../../src/domain/plan/types.js";
import { SHARED_DIR } from "../../support/shared-dir.js";

export const SHARED = pathToFileURL(SHARED_DIR);

/** A context for a period; latestExplicitDate and academicYearEnd as given or defaults. */
export function context(
  start: string,
  end: string,
  more: Partial<Omit<DeadlineContext, "period">> = {},
): DeadlineContext {
  return {
    period: { start, end },
    schoolYear: false,
    latestExplicitDate: null,
    academicYearEnd: "05-31",
    ...more,
  };
}

export const year2021 = context("2021-01-01", "2021-12-31");
export const year2020 = context("2020-01-01", "2020-12-31");
export const years2016to2018 = context("2016-01-01", "2018-12-31");
export const school2023 = context("2023-09-01", "2024-08-31", { schoolYear: true });

/** Occurrences written «2021-11-01..2021-11-05» or «..2021-09-30» (no start). */
export function occ(...windows: string[]): Occurrence[] {
  return windows.map((w) => {
    const [start, due] = w.split("..");
    return { start: start === "" ? null : start!, due: due! };
  });
}

/** The text of a seed plan in shared/plans/ by its number («000»). */
export function seedText(number: string): string {
  const dir = new URL("plans/", SHARED);
  const names: Record<string, string> = {
    "000": "000_2c604c2e2e75aa56.txt",
    "001": "001_b8baa2959c6be6f2.txt",
    "002": "002_c618b0bd1464408d.txt",
    "003": "003_87d611a0534d09f0.txt",
    "004": "004_3ae611eb266086d8.txt",
  };
  return readFileSync(new URL(names[number]!, dir), "utf8");
}

/** What comes before a seed's first table: its title (and, in 002, the decree around it). */
export function seedHead(number: string): string {
  const text = seedText(number);
  return text.slice(0, text.search(/^\s*(№|N п\/п)/m));
}
