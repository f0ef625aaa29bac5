// Helpers for the seed tests: read a seed, and print an item the way the expectation tables write it.

import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import type { Deadline, Executor, ParsedPlan } from "../../../src/domain/plan/types.js";
import { SEEDS_DIR } from "../../support/shared-dir.js";

const PLANS = pathToFileURL(SEEDS_DIR);

/** The text of a seed plan by its number («000»). */
export function readSeed(prefix: string): string {
  const file = readdirSync(PLANS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found in ${PLANS.pathname}`);
  return readFileSync(new URL(file, PLANS), "utf8");
}

/**
 * A deadline in one line: «dated ..2021-09-30», «dated 2021-11-01..2021-11-05, …»,
 * «relative 10 days after «…»», «relative 10 business days after «…»», «on_demand», «none»;
 * a dated window with a relative constraint adds « + relative …».
 */
export function formatDeadline(d: Deadline): string {
  const windows = d.occurrences.map((o) => `${o.start ?? ""}..${o.due}`).join(", ");
  let text = windows === "" ? d.kind : `${d.kind} ${windows}`;
  if (d.relative) {
    const r = d.relative;
    const days = r.days === null ? "" : ` ${r.days}${r.business ? " business" : ""} days`;
    const event = r.after !== null ? `after «${r.after}»` : `before «${r.before}»`;
    const rel = `relative${days} ${event}`;
    text = d.kind === "relative" ? rel : `${text} + ${rel}`;
  }
  return text;
}

/** «Министерство образования · Региональные координаторы (Белокурова И.В., Панова О.А.)». */
export function formatExecutors(executors: Executor[]): string {
  return executors
    .map((e) => (e.people.length > 0 ? `${e.name} (${e.people.join(", ")})` : e.name))
    .join(" · ");
}

/** number, parent, section, title (its start), deadline, executors, result (its start, or null). */
export type ItemRow = [string, string | null, string | null, string, string, string, string | null];

/** Checks every item of the plan against the table, row by row, then the count. */
export function expectItems(plan: ParsedPlan, rows: ItemRow[]): void {
  const actual = plan.items.map((item) => {
    const row = rows.find((r) => r[0] === item.number);
    return {
      number: item.number,
      parent: item.parent,
      section: item.section,
      title: row && item.title.startsWith(row[3]) ? row[3] : item.title,
      deadline: formatDeadline(item.deadline),
      executors: formatExecutors(item.executors),
      result: row && row[6] !== null && item.result?.startsWith(row[6]) ? row[6] : item.result,
    };
  });
  const expected = rows.map(([number, parent, section, title, deadline, executors, result]) => ({
    number,
    parent,
    section,
    title,
    deadline,
    executors,
    result,
  }));
  expect(actual).toEqual(expected);
}
