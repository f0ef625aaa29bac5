// /event's messages as pure functions: the events relative items wait for, the question about the
// date, and what recording it created («Пункт 8: до 14.10 (10 дней)»). HTML.
import type { InlineKeyboardButton } from "grammy/types";
import type { AwaitedEvent, EventOccurrence } from "../../../../db/queries/publish.js";
import type { IsoDate } from "../../../domain/plan/types.js";
import { dayMonth } from "../../../domain/text/dates.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import type { Translate } from "../../../domain/text/translate.js";
import { dmy, type Screen } from "../plans/view.js";
import { eventsData } from "./callback-data.js";

/** Events listed at most; more are counted. */
export const SHOWN_EVENTS = 12;
const SHOWN_NUMBERS = 8;
/** Room left under Telegram's 4096 characters for the «…и ещё N» line. */
const MAX_TEXT = 3900;

/** Joins lines, dropping those that would pass MAX_TEXT; the dropped ones are counted at the end. */
function fitLines(lines: readonly string[], more: (count: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > MAX_TEXT) {
      kept.push(more(lines.length - i));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

function numbers(items: readonly { number: string }[], t: Translate): string {
  const list = items.slice(0, SHOWN_NUMBERS).map((i) => escapeHtml(i.number));
  const more = items.length - SHOWN_NUMBERS;
  return more > 0 ? `${list.join(", ")} ${t("events-more-items", { count: more })}` : list.join(", ");
}

/** «Какое событие произошло?»: each awaited event with the items waiting, one button each. */
export function renderEventsList(events: readonly AwaitedEvent[], t: Translate): Screen {
  if (events.length === 0) return { text: t("events-none") };
  const lines = [t("events-list-title")];
  const rows: InlineKeyboardButton[][] = [];
  for (const [i, e] of events.slice(0, SHOWN_EVENTS).entries()) {
    const first = e.items[0];
    if (!first) continue;
    lines.push(
      "",
      `${i + 1}. «${escapeHtml(shorten(e.name, 150))}»`,
      t("events-list-waiting", { count: e.items.length, numbers: numbers(e.items, t) }),
    );
    rows.push([
      {
        text: `${i + 1}. ${shorten(e.name, 48)}`,
        callback_data: eventsData({ t: "pk", item: first.itemId }),
      },
    ]);
  }
  const more = events.length - SHOWN_EVENTS;
  if (more > 0) lines.push("", t("events-list-more", { count: more }));
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: rows } };
}

/** The question about the event's date, with a «Сегодня» button. */
export function renderEventAsk(event: AwaitedEvent, t: Translate): Screen {
  const first = event.items[0];
  const text = [
    t("events-ask-title", { event: escapeHtml(shorten(event.name, 300)) }),
    t("events-list-waiting", { count: event.items.length, numbers: numbers(event.items, t) }),
    "",
    t("events-ask-how"),
  ].join("\n");
  return {
    text,
    ...(first
      ? {
          reply_markup: {
            inline_keyboard: [
              [{ text: t("events-btn-today"), callback_data: eventsData({ t: "td", item: first.itemId }) }],
            ],
          },
        }
      : {}),
  };
}

/** One created occurrence: «Пункт 8: до 14.10 (10 дней)». */
export function occurrenceLine(o: EventOccurrence, today: IsoDate, t: Translate): string {
  const r = o.relative;
  const due = dayMonth(o.due, today);
  const before = r.before !== null && r.after === null;
  const why =
    r.days === null
      ? t(before ? "events-why-eve" : "events-why-same-day")
      : t(before ? "events-why-before" : "events-why-after", {
          days: r.days,
          business: r.business ? "yes" : "no",
        });
  return t("events-occurrence", { number: escapeHtml(o.itemNumber), due, why });
}

export interface RecordedInput {
  name: string;
  date: IsoDate;
  occurrences: readonly EventOccurrence[];
  /** Titles of the plans the occurrences belong to (a header per plan when there are several). */
  planTitles: ReadonlyMap<number, string>;
  today: IsoDate;
  locale: string;
}

/** «✅ Записано: «…» — 04.10.2020» and the deadlines it created. */
export function renderEventRecorded(input: RecordedInput, t: Translate): Screen {
  const lines = [
    t("events-recorded", { event: escapeHtml(shorten(input.name, 300)), date: dmy(input.date) }),
  ];
  if (input.occurrences.length === 0) {
    lines.push(t("events-recorded-nothing-new"));
    return { text: lines.join("\n") };
  }
  lines.push(t("events-recorded-count", { count: input.occurrences.length }));
  const plans = [...new Set(input.occurrences.map((o) => o.planId))];
  for (const planId of plans) {
    if (plans.length > 1)
      lines.push("", `<b>${escapeHtml(shorten(input.planTitles.get(planId) ?? "", 120))}</b>`);
    for (const o of input.occurrences.filter((x) => x.planId === planId))
      lines.push(occurrenceLine(o, input.today, t));
  }
  return { text: fitLines(lines, (count) => t("events-more-lines", { count })) };
}
