// Pieces the coordinators' screens share: count lines, pages of a list, buttons, and fitting a
// message into Telegram's 4096 characters.
import { escapeHtml, shorten } from "../digest/format.js";
import type { InlineButton, Translate } from "../digest/types.js";
import { percentDone } from "./counts.js";
import type { Counts } from "./types.js";

export type { InlineButton, Translate };
export { escapeHtml, shorten };

/** Telegram's limit for one message. */
export const MESSAGE_LIMIT = 4096;

/** A message ready for sendMessage / editMessageText with `parse_mode: "HTML"`. */
export interface RenderedMessage {
  text: string;
  reply_markup: { inline_keyboard: InlineButton[][] };
}

/** An inline button with callback data. */
export function button(text: string, data: string): InlineButton {
  return { text, callback_data: data };
}

/** «Выполнено 34 из 120 (28 %) · просрочено 12» (the overdue part only when there is some). */
export function doneLine(c: Counts, t: Translate): string {
  const base = t("status-done-line", { done: c.done, total: c.total, percent: percentDone(c) });
  return c.overdue > 0 ? `${base} · ${t("status-overdue-part", { count: c.overdue })}` : base;
}

/** «30/48 · 🔴 12» after a name in a list. */
export function shortCounts(c: Counts): string {
  return c.overdue > 0 ? `${c.done}/${c.total} · 🔴 ${c.overdue}` : `${c.done}/${c.total}`;
}

/** A name shortened for a list line and escaped. */
export function listName(name: string, max = 60): string {
  return escapeHtml(shorten(name, max));
}

/** A section's heading as plans write it: «I. Подготовительные мероприятия». */
export function sectionName(s: { number: string; title: string }): string {
  const title = s.title.trim();
  if (!s.number || title.startsWith(s.number)) return title;
  return `${s.number}. ${title}`;
}

/** One page of a list, and whether there are pages before and after it. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
}

/** Page `page` (0-based, clamped) of `size` entries. */
export function pageOf<T>(list: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: list.slice(p * size, (p + 1) * size), page: p, pages };
}

/** [◀] [2/5] [▶] for a paged list (no row when there is one page). */
export function pagerRow(p: Page<unknown>, data: (page: number) => string): InlineButton[] {
  if (p.pages <= 1) return [];
  const row: InlineButton[] = [];
  if (p.page > 0) row.push(button("◀", data(p.page - 1)));
  row.push(button(`${p.page + 1}/${p.pages}`, data(p.page)));
  if (p.page < p.pages - 1) row.push(button("▶", data(p.page + 1)));
  return row;
}

/** Buttons laid out `perRow` to a row. */
export function rows(buttons: InlineButton[], perRow: number): InlineButton[][] {
  const out: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

/** A button's text, kept short enough for a phone (Telegram cuts long ones anyway). */
export function buttonText(s: string, max = 40): string {
  return shorten(s, max);
}

/**
 * Joins `head`, `body` and `tail` lines into one message of at most `limit` characters: body lines
 * are dropped from the end (with «…и ещё N» in their place) until it fits.
 */
export function fitMessage(
  head: string[],
  body: string[],
  tail: string[],
  more: (n: number) => string,
  limit = MESSAGE_LIMIT,
): string {
  const join = (b: string[]) => [...head, ...b, ...tail].join("\n");
  let text = join(body);
  if (text.length <= limit) return text;
  let keep = body.length;
  // Drop lines until the rest and the «…и ещё N» line fit; lengths are summed, not re-joined.
  const fixed = [...head, ...tail].reduce((n, l) => n + l.length + 1, 0);
  let size = fixed + body.reduce((n, l) => n + l.length + 1, 0);
  while (keep > 0 && size + more(body.length - keep).length + 1 > limit) {
    keep--;
    size -= (body[keep]?.length ?? 0) + 1;
  }
  text = join([...body.slice(0, keep), more(body.length - keep)]);
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}
