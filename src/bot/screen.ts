// Showing messages: a screen sent new or edited in place (a double press is no error), a refused
// or redelivered press answered, long lists paged, button labels kept short for a phone.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { BaseContext } from "./context.js";

export interface Screen {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Button labels are plain text, but long names make them unreadable on a phone. */
export function label(s: string, max = 40): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** Index of the page's first item in the whole list. */
  offset: number;
}

/** The page-th slice of `items` (clamped to the pages there are; at least one page). */
export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages, offset: p * size };
}

/** ◀ 2/5 ▶ as two buttons (none on a single page). */
export function pagerRow(p: Page<unknown>, data: (page: number) => string): InlineKeyboardButton[] {
  if (p.pages <= 1) return [];
  const row: InlineKeyboardButton[] = [];
  if (p.page > 0) row.push({ text: `◀ ${p.page}/${p.pages}`, callback_data: data(p.page - 1) });
  if (p.page < p.pages - 1) row.push({ text: `${p.page + 2}/${p.pages} ▶`, callback_data: data(p.page + 1) });
  return row;
}

/**
 * Shows a screen: edits the pressed message in place for a button, sends a new one otherwise.
 * "message is not modified" (a double press) is not an error.
 */
export async function show(ctx: BaseContext, screen: Screen): Promise<void> {
  const extra = {
    parse_mode: "HTML" as const,
    reply_markup: screen.reply_markup,
    link_preview_options: { is_disabled: true },
  };
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(screen.text, extra);
      return;
    } catch (err) {
      const why = String(err);
      if (why.includes("message is not modified")) return;
      // Too old, deleted, or not ours: the screen comes as a new message instead.
      if (!/message can't be edited|message to edit not found/.test(why)) throw err;
    }
  }
  await ctx.reply(screen.text, extra);
}

/** Answers a press that is refused: a short notice, nothing changed. */
export async function refuse(ctx: BaseContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text, show_alert: true });
}

/** Edits the pressed message; a double press ("message is not modified") is fine. */
export async function editInPlace(
  ctx: BaseContext,
  text: string,
  reply_markup: InlineKeyboardMarkup | undefined,
): Promise<void> {
  try {
    await ctx.editMessageText(text, {
      parse_mode: "HTML",
      reply_markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (err) {
    if (!String(err).includes("message is not modified")) throw err;
  }
}

/**
 * Answers the pressed button. A redelivered press (after a crash) was answered the first time:
 * Telegram then says the query is too old, which is no error for us.
 */
export async function answerPress(
  ctx: { answerCallbackQuery: (other?: { text?: string; show_alert?: boolean }) => Promise<unknown> },
  text?: string,
  alert = false,
): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text === undefined ? undefined : { text, show_alert: alert });
  } catch (err) {
    if (!/query is too old|query ID is invalid/i.test(String(err))) throw err;
  }
}
