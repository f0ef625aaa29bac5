// What an update means to the report dialogue: a part of the report (file, photo, link, text),
// one of the dialogue's buttons, something it cannot take, or something for other handlers. Pure.
import type { Update } from "grammy/types";
import type { ReportPartInput } from "../../../../db/queries/reports.js";
import { parseReportData, type ReportAction } from "../../callback-data.js";
import { MAX_FILE_BYTES, readTextParts } from "./view.js";

export type ReportInput =
  /** Not for the dialogue: other buttons, commands, edits; other handlers take it. */
  | { kind: "pass" }
  | { kind: "button"; action: ReportAction; sameReport: boolean }
  | { kind: "parts"; parts: ReportPartInput[] }
  | { kind: "too_large"; name: string; size: number }
  /** A sticker, a voice message, a location…: the dialogue answers with a hint. */
  | { kind: "unsupported" };

export function classifyReportInput(update: Update, assignmentId: number): ReportInput {
  const query = update.callback_query;
  if (query) {
    const data = query.data ? parseReportData(query.data) : null;
    // «Позже» belongs to a report already sent: the handler outside the dialogue answers it.
    if (!data || data.a === "later") return { kind: "pass" };
    return { kind: "button", action: data.a, sameReport: data.id === assignmentId };
  }
  const m = update.message;
  if (!m) return { kind: "pass" };
  if (m.text !== undefined) {
    if (m.text.startsWith("/")) return { kind: "pass" };
    const parts = readTextParts(m.text, m.entities);
    return parts.length > 0 ? { kind: "parts", parts } : { kind: "unsupported" };
  }
  const caption = m.caption ? readTextParts(m.caption, m.caption_entities) : [];
  const file =
    m.document ?? m.video ?? m.audio ?? m.animation ?? (m.photo ? m.photo[m.photo.length - 1] : undefined);
  if (!file) return { kind: "unsupported" };
  const name = "file_name" in file ? (file.file_name ?? null) : null;
  const size = file.file_size ?? null;
  if (size !== null && size > MAX_FILE_BYTES) return { kind: "too_large", name: name ?? "", size };
  const mime = "mime_type" in file ? (file.mime_type ?? null) : m.photo ? "image/jpeg" : null;
  const part: ReportPartInput = {
    kind: m.photo ? "photo" : "document",
    telegramFileId: file.file_id,
    fileName: name,
    mimeType: mime,
    size,
  };
  return { kind: "parts", parts: [part, ...caption] };
}
