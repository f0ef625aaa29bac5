// Shared by the digest tests: the real Fluent texts, the production calendar, entry builders.
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { assignmentData, TASKS_OPEN } from "../../../src/bot/callback-data.js";
import data from "../../../src/domain/calendar/production-calendar-ru.json" with { type: "json" };
import type {
  DigestCallbacks,
  DigestEntry,
  Translate,
  WorkingCalendar,
} from "../../../src/domain/digest/types.js";

const i18n = new I18n({
  defaultLocale: "ru",
  directory: fileURLToPath(new URL("../../../locales", import.meta.url)),
  fluentBundleOptions: { useIsolating: false },
});

/** The real texts of a language, as the bot and the jobs read them. */
export function texts(language: "ru" | "en"): Translate {
  return (key, args) => i18n.t(language, key, args);
}

const years = (data as { years: Record<string, { nonWorking: string[]; workingWeekends: string[] }> }).years;
const off = new Set(Object.values(years).flatMap((y) => y.nonWorking));
const onWeekend = new Set(Object.values(years).flatMap((y) => y.workingWeekends));

/** The production calendar from the shipped JSON (days off and working weekends by decree). */
export const calendar: WorkingCalendar = {
  isWorkingDay(date) {
    if (off.has(date)) return false;
    if (onWeekend.has(date)) return true;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  },
};

let nextId = 1;

/** An open dated assignment of plan 1 for unit 1, overridable field by field. */
export function entry(over: Partial<DigestEntry> = {}): DigestEntry {
  const id = nextId++;
  return {
    assignmentId: id,
    planId: 1,
    planTitle: "НОК ДОД 2021",
    itemNumber: String(id),
    itemTitle: `Мероприятие ${id}`,
    result: null,
    unitId: 1,
    unitName: "Организация-оператор",
    kind: "dated",
    start: null,
    due: "2021-10-29",
    status: "open",
    reviewState: "none",
    lastConfirmedOn: null,
    ...over,
  };
}

/** The real callback data of the assignment buttons and of [📋 Все задачи]. */
export const callbacks: DigestCallbacks = { assignment: assignmentData, tasks: TASKS_OPEN };
