// The report dialogue's messages and the coordinators' notice, as pure functions; and the
// reading of what an executor sent (files, photos, links, text) into report parts.
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import type { ReportPartInput } from "../../../../db/queries/reports.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import { formatSize } from "../../../domain/text/size.js";
import type { Translate } from "../../../domain/text/translate.js";
import { assignmentData, reportData } from "../../callback-data.js";

/** The Bot API's download limit (getFile): larger files cannot be fetched, so they are refused. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const TITLE_MAX = 90;

type Message = { text: string; reply_markup?: InlineKeyboardMarkup };

export interface ReportItem {
  assignmentId: number;
  itemNumber: string;
  itemTitle: string;
  result: string | null;
  planTitle: string;
  unitName: string;
  /** The occurrence's due date as shown («31.03.2020»), for a recurring item: which one this is. */
  dueLabel?: string | null;
}

/** «📎 Отчёт по пункту 3 «…»», what the plan expects, how to send. HTML. */
export function renderReportIntro(item: ReportItem, t: Translate): Message {
  const lines = [
    t("report-intro-title", {
      number: escapeHtml(item.itemNumber),
      title: escapeHtml(shorten(item.itemTitle, TITLE_MAX)),
    }),
  ];
  if (item.dueLabel) lines.push(t("report-due", { due: item.dueLabel }));
  if (item.result?.trim()) {
    lines.push(t("report-intro-expects", { result: escapeHtml(lowerFirst(shorten(item.result, 200))) }));
  }
  lines.push(t("report-intro-how"));
  return {
    text: lines.join("\n"),
    reply_markup: {
      inline_keyboard: [
        [{ text: t("report-cancel"), callback_data: reportData("cancel", item.assignmentId) }],
      ],
    },
  };
}

// «Протокол заседания» reads «План ожидает: протокол заседания.»; an abbreviation stays as is.
function lowerFirst(s: string): string {
  const trimmed = s.trim().replace(/\.$/, "");
  if (/^\p{Lu}{2}/u.test(trimmed)) return trimmed;
  return trimmed.charAt(0).toLocaleLowerCase("ru") + trimmed.slice(1);
}

/** How one part is named back to the sender: «pismo.pdf (240 КБ)», «фото (120 КБ)», a link, «текст». */
export function describePart(p: ReportPartInput, t: Translate, locale: string): string {
  const size = p.size ? ` (${formatSize(p.size, locale)})` : "";
  switch (p.kind) {
    case "document":
      return `${escapeHtml(p.fileName ?? t("report-part-file"))}${size}`;
    case "photo":
      return `${t("report-part-photo")}${size}`;
    case "link":
      return escapeHtml(shorten(p.text ?? "", 80));
    default:
      return t("report-part-text", { chars: (p.text ?? "").length });
  }
}

/** «Получено: pismo.pdf (240 КБ). Ещё что-нибудь?» [Готово] [Отменить]. */
export function renderReceived(
  received: ReportPartInput[],
  assignmentId: number,
  t: Translate,
  locale: string,
): Message {
  return {
    text: t("report-received", { what: received.map((p) => describePart(p, t, locale)).join(", ") }),
    reply_markup: {
      inline_keyboard: [
        [
          { text: t("report-finish"), callback_data: reportData("fin", assignmentId) },
          { text: t("report-cancel"), callback_data: reportData("cancel", assignmentId) },
        ],
      ],
    },
  };
}

/** «1 файл, 2 фото, 1 ссылка, текст». */
export function summarizeParts(parts: ReportPartInput[], t: Translate): string {
  const count = (kind: ReportPartInput["kind"]) => parts.filter((p) => p.kind === kind).length;
  const out: string[] = [];
  const files = count("document");
  const photos = count("photo");
  const links = count("link");
  const texts = count("text");
  if (files) out.push(t("report-count-files", { count: files }));
  if (photos) out.push(t("report-count-photos", { count: photos }));
  if (links) out.push(t("report-count-links", { count: links }));
  if (texts) out.push(t("report-count-texts", { count: texts }));
  return out.join(", ");
}

/** «Отправить отчёт по пункту 3? 1 файл.» [Отправить] [Добавить ещё] [Отменить]. */
export function renderConfirm(item: ReportItem, parts: ReportPartInput[], t: Translate): Message {
  const id = item.assignmentId;
  return {
    text: t("report-confirm", { number: escapeHtml(item.itemNumber), summary: summarizeParts(parts, t) }),
    reply_markup: {
      inline_keyboard: [
        [
          { text: t("report-send"), callback_data: reportData("send", id) },
          { text: t("report-more"), callback_data: reportData("more", id) },
          { text: t("report-cancel"), callback_data: reportData("cancel", id) },
        ],
      ],
    },
  };
}

/** After sending: «Отчёт отправлен координатору. Отметить пункт 3 выполненным?» [✅ Да, выполнено] [Позже]. */
export function renderSent(
  item: ReportItem,
  opts: { alreadyDone: boolean; coordinators: number },
  t: Translate,
): Message {
  const head = opts.coordinators > 0 ? t("report-sent") : t("report-sent-no-coordinator");
  const number = escapeHtml(item.itemNumber);
  if (opts.alreadyDone) {
    return { text: `${head} ${t("report-sent-already-done", { number })}` };
  }
  return {
    text: `${head} ${t("report-ask-done", { number })}`,
    reply_markup: {
      inline_keyboard: [
        [
          { text: t("report-yes-done"), callback_data: assignmentData("done", item.assignmentId) },
          { text: t("report-later"), callback_data: reportData("later", item.assignmentId) },
        ],
      ],
    },
  };
}

/** The coordinators' notice of a new report: one message with the unit, the item and what came. HTML. */
export function renderCoordinatorNotice(
  item: ReportItem,
  r: { from: string; parts: ReportPartInput[] },
  t: Translate,
  locale: string,
): string {
  const lines = [
    t("report-notice-title", {
      unit: escapeHtml(shorten(item.unitName, 80)),
      number: escapeHtml(item.itemNumber),
      title: escapeHtml(shorten(item.itemTitle, TITLE_MAX)),
    }),
    `<i>${escapeHtml(shorten(item.planTitle, 120))}</i>`,
    ...(item.dueLabel ? [t("report-due", { due: item.dueLabel })] : []),
    t("report-notice-from", { name: escapeHtml(shorten(r.from, 80)) }),
  ];
  const files = r.parts.filter((p) => p.kind === "document" || p.kind === "photo");
  if (files.length > 0) {
    lines.push(`${summarizeParts(files, t)}: ${files.map((p) => describePart(p, t, locale)).join(", ")}`);
  }
  for (const link of r.parts.filter((p) => p.kind === "link"))
    lines.push(escapeHtml(shorten(link.text ?? "", 300)));
  const texts = r.parts.filter((p) => p.kind === "text").map((p) => p.text ?? "");
  if (texts.length > 0) lines.push(`«${escapeHtml(shorten(texts.join(" "), 1500))}»`);
  return lines.join("\n");
}

const URL_RE = /\bhttps?:\/\/[^\s<>"«»]+/giu;

/**
 * A text message as report parts: each link (from the message's entities or the text itself) a
 * link part, and the text a text part unless it was nothing but links.
 */
export function readTextParts(text: string, entities: MessageEntity[] = []): ReportPartInput[] {
  const links: string[] = [];
  for (const e of entities) {
    if (e.type === "text_link") links.push(e.url);
    if (e.type === "url") links.push(text.slice(e.offset, e.offset + e.length));
  }
  for (const m of text.matchAll(URL_RE)) links.push(m[0].replace(/[.,;:)!?]+$/, ""));
  const unique = [...new Set(links.map((l) => (/^https?:\/\//i.test(l) ? l : `https://${l}`)))];
  let rest = text;
  for (const l of unique) rest = rest.split(l).join(" ");
  for (const e of entities)
    if (e.type === "url") rest = rest.replace(text.slice(e.offset, e.offset + e.length), " ");
  const parts: ReportPartInput[] = unique.map((l) => ({ kind: "link", text: l }));
  if (/[\p{L}\p{N}]/u.test(rest)) parts.push({ kind: "text", text: text.trim() });
  return parts;
}

/**
 * A file name safe to write under the report's folder: no folders, no control or reserved
 * characters, at most 100 characters (the extension kept), never hidden, unique among `used`.
 */
export function safeFileName(name: string | null | undefined, fallback: string, used: Set<string>): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  let clean = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  if (clean === "" || clean === "." || clean === "..") clean = fallback;
  if (clean.length > 100) {
    const dot = clean.lastIndexOf(".");
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
    clean = clean.slice(0, 100 - ext.length) + ext;
  }
  let candidate = clean;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${i}-${clean}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
