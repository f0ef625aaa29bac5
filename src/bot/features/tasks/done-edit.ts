// Editing a message that is not a /tasks list (a digest, the report's «Отметить выполненным?») after
// a mark: the item's line is replaced and its buttons swapped, everything else kept as it was
// (text entities included). Pure.
import type { InlineKeyboardButton, MessageEntity } from "grammy/types";
import type { AgendaEntry } from "../../../domain/agenda.js";
import type { IsoDate } from "../../../domain/plan/types.js";
import { dayMonth } from "../../../domain/text/dates.js";
import { shorten } from "../../../domain/text/shorten.js";
import { parseAssignmentData, parseReportData } from "../../callback-data.js";
import { entryButtonPair } from "./view.js";

export interface PlainMessage {
  text: string;
  entities: MessageEntity[];
  keyboard: InlineKeyboardButton[][];
}

/** Undoes the HTML escaping of a rendered line, for messages edited with entities. */
export function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Finds the line of `entry` in a message: it starts with the item number (after spaces and a
 * status icon) and holds the start of its title; of several, the one naming its due date.
 */
export function findEntryLine(text: string, entry: AgendaEntry, today: IsoDate): number | null {
  const lines = text.split("\n");
  const titleStart = shorten(entry.itemTitle, 90).replace(/…$/, "").slice(0, 12);
  const candidates: number[] = [];
  lines.forEach((line, i) => {
    const bare = line.replace(/^(?:\s|\p{Extended_Pictographic}|\uFE0F)*/u, "");
    if (bare.startsWith(`${entry.itemNumber}. `) && line.replace(/\s+/g, " ").includes(titleStart)) {
      candidates.push(i);
    }
  });
  if (candidates.length === 0) return null;
  if (candidates.length > 1 && entry.due) {
    const due = dayMonth(entry.due, today);
    const byDue = candidates.find((i) => (lines[i] as string).includes(due));
    if (byDue !== undefined) return byDue;
  }
  return candidates[0] as number;
}

/**
 * Replaces line `index` with `line` (or appends `line` as a new paragraph when index is null),
 * shifting the entities after it and dropping those inside it.
 */
export function replaceLine(
  msg: Pick<PlainMessage, "text" | "entities">,
  index: number | null,
  line: string,
): Pick<PlainMessage, "text" | "entities"> {
  if (index === null) return { text: `${msg.text}\n\n${line}`, entities: msg.entities };
  const lines = msg.text.split("\n");
  const start = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  const end = start + (lines[index] as string).length;
  const delta = line.length - (end - start);
  lines[index] = line;
  const entities: MessageEntity[] = [];
  for (const e of msg.entities) {
    if (e.offset + e.length <= start) entities.push(e);
    else if (e.offset >= end) entities.push({ ...e, offset: e.offset + delta });
  }
  return { text: lines.join("\n"), entities };
}

function belongsTo(button: InlineKeyboardButton, assignmentId: number): boolean {
  if (!("callback_data" in button) || !button.callback_data) return false;
  const a = parseAssignmentData(button.callback_data);
  if (a) return a.id === assignmentId;
  return parseReportData(button.callback_data)?.id === assignmentId;
}

/** The item's label on its buttons («3» from «✅ 3»), or its number. */
function labelOf(keyboard: InlineKeyboardButton[][], entry: AgendaEntry): string {
  for (const b of keyboard.flat()) {
    if (!belongsTo(b, entry.assignmentId)) continue;
    const m = /^\S+\s+(.+)$/u.exec(b.text);
    // «✅ 3 · 30.06» keeps its label; «✅ Да, выполнено» is no label.
    if (m && /^[✅✔☑🔁📎↩💬]/u.test(b.text) && m[1]?.startsWith(entry.itemNumber)) return m[1] as string;
  }
  return entry.itemNumber;
}

/**
 * Swaps the entry's buttons for the pair its new state needs ([↩ 3] [💬 3] once done, [✅ 3]
 * [📎 3] once reopened); when the message had none, the pair is added as a last row.
 */
export function swapEntryButtons(
  keyboard: InlineKeyboardButton[][],
  entry: AgendaEntry,
  today: IsoDate,
): InlineKeyboardButton[][] {
  const pair = entryButtonPair(entry, today, labelOf(keyboard, entry));
  const matches = keyboard.flat().filter((b) => belongsTo(b, entry.assignmentId)).length;
  if (matches === 0) return [...keyboard.map((row) => [...row]), pair];
  let next = 0;
  return keyboard
    .map((row) =>
      row.flatMap((b) => {
        if (!belongsTo(b, entry.assignmentId)) return [b];
        next++;
        // One button of the item: the whole pair takes its place; two or more: one each.
        if (matches === 1) return pair;
        const replacement = pair[next - 1];
        return replacement ? [replacement] : [];
      }),
    )
    .filter((row) => row.length > 0);
}
