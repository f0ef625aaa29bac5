// The /tasks page for a reader: their open items (and those done since local midnight), and which
// page a /tasks message shows.
import type { InlineKeyboardMarkup } from "grammy/types";
import { DateTime } from "luxon";
import { loadAgenda } from "../../../../db/queries/assignments.js";
import { parseTasksData } from "../../callback-data.js";
import type { BaseContext } from "../../context.js";
import type { Reader } from "../../reader.js";
import { renderTasks, type TasksView } from "./view.js";

/** The /tasks page for the reader: open items, and those marked done since local midnight. */
export async function buildTasksView(ctx: BaseContext, reader: Reader, page: number): Promise<TasksView> {
  const midnight = DateTime.fromISO(reader.today, { zone: reader.zone })
    .startOf("day")
    .toUTC()
    .toISO() as string;
  const entries = await loadAgenda(ctx.app.deps.db, reader.actor.unitIds, { doneSince: midnight });
  return renderTasks(
    { entries, today: reader.today, page, locale: reader.locale, showUnits: reader.actor.unitIds.length > 1 },
    ctx.t,
  );
}

/** The page a /tasks message shows, read from its ◀/refresh buttons; null for other messages. */
export function tasksPageOf(markup: InlineKeyboardMarkup | undefined): number | null {
  const pages: { text: string; page: number }[] = [];
  for (const b of markup?.inline_keyboard.flat() ?? []) {
    if (!("callback_data" in b) || !b.callback_data) continue;
    const parsed = parseTasksData(b.callback_data);
    if (parsed?.kind === "page") pages.push({ text: b.text, page: parsed.page });
  }
  if (pages.length === 0) return null;
  const back = pages.find((p) => p.text === "◀");
  return back ? back.page + 1 : (pages.find((p) => p.text !== "▶")?.page ?? 0);
}
