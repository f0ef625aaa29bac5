// Warnings of the deadline reader, in Russian: the coordinator reads them next to the item.
import { formatRuDate } from "../calendar/iso-date.js";
import type { IsoDate } from "../plan/types.js";

const q = (text: string) => `«${text}»`;

export const messages = {
  ambiguousYear: (snippet: string, label: string, year: number) =>
    `Срок ${q(snippet)}: год не указан, а план на ${label} — отнесено к ${year} году. Проверьте год.`,
  yearlessOutside: (snippet: string, label: string, year: number) =>
    `Срок ${q(snippet)} не укладывается в период плана (${label}) — взят ${year} год. Проверьте год.`,
  outsidePeriod: (snippet: string, label: string) =>
    `Срок ${q(snippet)} вне периода плана (${label}): сохранён как написан.`,
  runsPastPeriod: (snippet: string, label: string) =>
    `Срок ${q(snippet)} выходит за период плана (${label}). Проверьте срок.`,
  openEnded: (snippet: string, due: IsoDate) =>
    `Срок ${q(snippet)}: окончание не указано — взят конец периода плана, ${formatRuDate(due)}.`,
  untilWindow: (snippet: string, due: IsoDate) =>
    `Срок ${q(snippet)} прочитан как «до ${formatRuDate(due)}». Проверьте, не имелся ли в виду конец периода.`,
  unreadWords: (words: string) => `В сроке не прочитано: ${q(words)}. Проверьте срок.`,
  invalidDate: (snippet: string) => `Срок ${q(snippet)}: такой даты нет. Исправьте срок.`,
  backwardsRange: (snippet: string) => `Срок ${q(snippet)}: конец раньше начала. Исправьте срок.`,
  unparsed: (raw: string) => `Срок не распознан: ${q(raw)}. Укажите срок вручную.`,
  junk: (raw: string) =>
    `В сроке ${q(raw)} непонятные символы (похоже на ошибку распознавания). Укажите срок вручную.`,
  schoolYearInCalendarPlan: (from: IsoDate, to: IsoDate) =>
    `«В течение учебного года» в плане на календарный год: взят учебный год ${from.slice(0, 4)}/${to.slice(0, 4)}.`,
  quarterDayGuess: (snippet: string) =>
    `Срок ${q(snippet)}: число прочитано как число месяца, следующего за отчётным периодом. Проверьте.`,
  anchorIgnored: (snippet: string) =>
    `Срок ${q(snippet)}: день внутри периода не понят, взят конец каждого периода. Проверьте срок.`,
  timesPerPeriod: (snippet: string) =>
    `Срок ${q(snippet)}: несколько раз за период — заведено одно окно на период. Проверьте срок.`,
  monthAsDays: (snippet: string) => `Срок ${q(snippet)}: месяц посчитан как 30 дней.`,
  recurringIgnored: (snippet: string) =>
    `Срок ${q(snippet)}: периодичность не учтена — взяты указанные даты.`,
};

/** A span of the raw cell as a one-line quote. */
export function snippetOf(raw: string, start: number, end: number): string {
  return raw.slice(start, end).replace(/\s+/g, " ").trim();
}
