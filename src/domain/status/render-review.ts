// Report review: the report card a coordinator opens (with [Принять] [Вернуть на доработку]),
// and what the unit is told when a report is accepted or returned. Pure.
import type { IsoDate } from "../plan/types.js";
import { reviewData } from "./callback-data.js";
import { button, escapeHtml, fitMessage, listName, type RenderedMessage, type Translate } from "./format.js";
import { instantDay } from "./render-item.js";

export interface ReportCardPart {
  kind: "document" | "photo" | "link" | "text";
  fileName: string | null;
  size: number | null;
  text: string | null;
}

/** A report with what its card shows (loaded by db/queries/review.ts). */
export interface ReportCard {
  reportId: number;
  assignmentId: number;
  planId: number;
  planTitle: string;
  itemId: number;
  itemNumber: string;
  itemTitle: string;
  unitId: number;
  unitName: string;
  userId: number;
  userName: string | null;
  createdAt: string;
  text: string | null;
  parts: ReportCardPart[];
  reviewState: "pending" | "accepted" | "returned";
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

const TEXT_MAX = 1500;

/** The card: item, unit, who sent it and when, its text, links and files, its review state. */
export function renderReportCard(
  data: { card: ReportCard; today: IsoDate; zone: string; sizeText: (bytes: number) => string },
  t: Translate,
): RenderedMessage {
  const c = data.card;
  const day = (instant: string) => instantDay(instant, data.zone, data.today);
  const head = [
    t("review-card-title", {
      unit: listName(c.unitName, 80),
      number: escapeHtml(c.itemNumber),
      title: listName(c.itemTitle, 100),
    }),
    `<i>${listName(c.planTitle, 100)}</i>`,
    t("review-card-from", { name: escapeHtml(c.userName ?? String(c.userId)), date: day(c.createdAt) }),
  ];
  const body: string[] = [];
  const files = c.parts.filter((p) => p.kind === "document" || p.kind === "photo");
  const links = c.parts.filter((p) => p.kind === "link" && p.text);
  if (files.length > 0) {
    const names = files.map((p) => {
      const name = p.kind === "photo" ? t("review-photo") : escapeHtml(p.fileName ?? t("review-file"));
      return p.size ? `${name} (${data.sizeText(p.size)})` : name;
    });
    body.push(`📄 ${names.join(", ")}`);
  }
  for (const l of links) body.push(`🔗 ${escapeHtml(l.text ?? "")}`);
  if (c.text) {
    const text = c.text.length > TEXT_MAX ? `${c.text.slice(0, TEXT_MAX - 1)}…` : c.text;
    body.push(`💬 ${escapeHtml(text)}`);
  }
  const tail = [""];
  if (c.reviewState === "pending") tail.push(t("review-state-pending"));
  else {
    const who = escapeHtml(c.reviewedByName ?? "");
    const when = c.reviewedAt ? day(c.reviewedAt) : "";
    tail.push(
      t(c.reviewState === "accepted" ? "review-state-accepted" : "review-state-returned", { who, when }),
    );
    if (c.reviewState === "returned" && c.reviewComment)
      tail.push(t("review-comment", { comment: escapeHtml(c.reviewComment) }));
  }
  const keyboard =
    c.reviewState === "pending"
      ? [
          [
            button(t("review-btn-accept"), reviewData({ v: "accept", report: c.reportId })),
            button(t("review-btn-return"), reviewData({ v: "return", report: c.reportId })),
          ],
        ]
      : [];
  return {
    text: fitMessage(head, body, tail, (n) => t("status-and-more", { count: n })),
    reply_markup: { inline_keyboard: keyboard },
  };
}

/** What the unit's members are told when their report is returned: the comment, and a button to send it again. */
export function composeReturnNotice(
  data: { card: ReportCard; comment: string; reportAgainData: string },
  t: Translate,
): RenderedMessage {
  const c = data.card;
  return {
    text: [
      t("review-returned-notice", {
        number: escapeHtml(c.itemNumber),
        title: listName(c.itemTitle, 100),
        unit: listName(c.unitName, 80),
      }),
      t("review-comment", { comment: escapeHtml(data.comment) }),
      "",
      t("review-returned-reopened"),
    ].join("\n"),
    reply_markup: { inline_keyboard: [[button(t("review-btn-report-again"), data.reportAgainData)]] },
  };
}

/** What the reporter is told when their report is accepted. */
export function composeAcceptNotice(data: { card: ReportCard }, t: Translate): RenderedMessage {
  const c = data.card;
  return {
    text: t("review-accepted-notice", {
      number: escapeHtml(c.itemNumber),
      title: listName(c.itemTitle, 100),
      unit: listName(c.unitName, 80),
    }),
    reply_markup: { inline_keyboard: [] },
  };
}
