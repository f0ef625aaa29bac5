// Shared by the digest tests: the real Fluent texts, the production calendar, entry builders.
import { assignmentData, TASKS_OPEN } from "../../../src/bot/callback-data.js";
import { createI18n, translator } from "../../../src/bot/i18n.js";
import { russianCalendar } from "../../../src/domain/calendar/index.js";
import type {
  DigestCallbacks,
  DigestEntry,
  Translate,
  WorkingCalendar,
} from "../../../src/domain/digest/types.js";

const i18n = createI18n({
  onMissing: (m) => {
    throw new Error(m);
  },
});

/** The real texts of a language, as the bot and the jobs read them (a missing key fails the test). */
export function texts(language: "ru" | "en"): Translate {
  return translator(i18n, language);
}

/** The production calendar (days off and working weekends by the Government's decrees). */
export const calendar: WorkingCalendar = russianCalendar;

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
