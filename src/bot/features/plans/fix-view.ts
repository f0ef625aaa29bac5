// The deadline-fixing dialogue's messages as pure functions: the question about one unreadable
// deadline, how a typed phrase was understood, and a phrase that could not be read. HTML.
import type { InlineKeyboardButton } from "grammy/types";
import type { Deadline } from "../../../domain/plan/types.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import type { Translate } from "../../../domain/text/translate.js";
import { plansData } from "./callback-data.js";
import { dmy, type Screen } from "./view.js";

/** One item whose deadline is being fixed. */
export interface FixItem {
  itemId: number;
  number: string;
  title: string;
  raw: string;
}

const SHOWN_OCCURRENCES = 4;

function flat(s: string, max: number): string {
  return escapeHtml(shorten(s, max));
}

function skipRow(t: Translate, draftId: number, itemId: number): InlineKeyboardButton[] {
  return [
    { text: t("plans-fix-btn-skip"), callback_data: plansData({ t: "fs", draft: draftId, item: itemId }) },
    { text: t("plans-fix-btn-stop"), callback_data: plansData({ t: "fe", draft: draftId }) },
  ];
}

/** «✏ Срок 1 из 3 · пункт 2 «…» / В плане: «…» / how to answer». */
export function renderFixAsk(
  draftId: number,
  item: FixItem,
  position: { index: number; total: number },
  t: Translate,
): Screen {
  const text = [
    t("plans-fix-ask-title", {
      index: position.index,
      total: position.total,
      number: escapeHtml(item.number),
      title: flat(item.title, 120),
    }),
    t("plans-fix-ask-raw", { raw: flat(item.raw, 300) || "—" }),
    "",
    t("plans-fix-ask-how"),
  ].join("\n");
  return { text, reply_markup: { inline_keyboard: [skipRow(t, draftId, item.itemId)] } };
}

/** «Понял так: до 30.09.2021. Сохранить?» with the reader's warnings. */
export function renderFixUnderstood(
  draftId: number,
  item: FixItem,
  deadline: Deadline,
  warnings: readonly string[],
  t: Translate,
): Screen {
  const lines = [
    t("plans-fix-understood", { number: escapeHtml(item.number), reading: describeDeadline(deadline, t) }),
  ];
  for (const w of warnings.slice(0, 3)) lines.push(`⚠ ${flat(w, 200)}`);
  lines.push(t("plans-fix-save-question"));
  return {
    text: lines.join("\n"),
    reply_markup: {
      inline_keyboard: [
        [
          {
            text: t("plans-fix-btn-yes"),
            callback_data: plansData({ t: "fy", draft: draftId, item: item.itemId }),
          },
          {
            text: t("plans-fix-btn-again"),
            callback_data: plansData({ t: "fa", draft: draftId, item: item.itemId }),
          },
        ],
        skipRow(t, draftId, item.itemId),
      ],
    },
  };
}

/** The phrase could not be read either. */
export function renderFixNotUnderstood(draftId: number, item: FixItem, typed: string, t: Translate): Screen {
  return {
    text: t("plans-fix-not-understood", { text: flat(typed, 200) }),
    reply_markup: { inline_keyboard: [skipRow(t, draftId, item.itemId)] },
  };
}

/** «до 30.09.2021», «регулярно: 4 срока, до 31.03.2020 … 31.12.2020», «постоянно»… HTML-safe. */
export function describeDeadline(d: Deadline, t: Translate): string {
  const window = (o: { start: string | null; due: string }) =>
    o.start === null || o.start === o.due
      ? t("plans-when-due", { due: dmy(o.due) })
      : t("plans-when-window", { start: dmy(o.start), due: dmy(o.due) });
  const relative = () => {
    const r = d.relative;
    if (!r) return "";
    const event = escapeHtml(shorten(r.after ?? r.before ?? "", 150));
    const days = r.days ?? 0;
    if (r.before !== null && r.after === null)
      return r.days === null
        ? t("plans-when-before-event", { event })
        : t(r.business ? "plans-when-before-event-workdays" : "plans-when-before-event-days", {
            days,
            event,
          });
    return r.days === null
      ? t("plans-when-after-event", { event })
      : t(r.business ? "plans-when-after-event-workdays" : "plans-when-after-event-days", { days, event });
  };
  switch (d.kind) {
    case "dated": {
      const shown = d.occurrences.slice(0, SHOWN_OCCURRENCES).map(window);
      const more = d.occurrences.length - SHOWN_OCCURRENCES;
      if (more > 0) shown.push(t("plans-when-more", { count: more }));
      const text = shown.join("; ");
      return d.relative ? `${text}; ${relative()}` : text;
    }
    case "recurring": {
      const first = d.occurrences[0];
      const last = d.occurrences[d.occurrences.length - 1];
      if (!first || !last) return t("plans-when-recurring-none");
      return t("plans-when-recurring", {
        count: d.occurrences.length,
        first: window(first),
        last: dmy(last.due),
      });
    }
    case "continuous": {
      const o = d.occurrences[0];
      return o
        ? t("plans-when-continuous-period", { start: dmy(o.start ?? o.due), due: dmy(o.due) })
        : t("plans-when-continuous");
    }
    case "relative":
      return relative();
    case "on_demand":
      return t("plans-when-on-demand");
    case "none":
      return t("plans-when-none");
    case "unparsed":
      return t("plans-when-unparsed");
  }
}
