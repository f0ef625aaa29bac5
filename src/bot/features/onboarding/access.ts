// Access requests: a stranger presses «Запросить доступ»; every coordinator gets one message with
// [Одобрить] [Отклонить]; approving asks which unit (role, then unit, paged), links the person
// and greets them; rejecting tells them. One pending request per person; the first coordinator
// to decide wins, later presses on the other copies are told it was decided.
import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import {
  decideAccessRequest,
  getAccessRequest,
  requestAccess,
} from "../../../../db/queries/access-requests.js";
import { loadUnitTree, loadUserBrief } from "../../../../db/queries/actors.js";
import { linkMember, listCoordinators } from "../../../../db/queries/memberships.js";
import { outboxKey } from "../../../../db/queries/outbox.js";
import { getUnit, listRoles, unitTitle } from "../../../../db/queries/units.js";
import { canCoordinateUnit, isCoordinator } from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { personName } from "../../../domain/text/person-name.js";
import type { Translate } from "../../../domain/text/translate.js";
import { applyOnce } from "../../apply-once.js";
import type { BaseContext, BotContext } from "../../context.js";
import { coordinatedUnits, currentActor } from "../../reader.js";
import { label, pagerRow, paginate, refuse, type Screen, show } from "../../screen.js";
import { sendNowOrLater } from "../../send-now-or-later.js";
import { type OnboardingButton, onboardingData, parseOnboardingData } from "./callback-data.js";
import { loadGreeting, renderGreeting } from "./greeting.js";

const PAGE = 8;

export const access = new Composer<BotContext>();

access.callbackQuery(/^(o|ar):/, async (ctx) => {
  const b = parseOnboardingData(ctx.callbackQuery.data);
  if (!b || !(b.t === "o.req" || b.t.startsWith("ar."))) return refuse(ctx, ctx.t("onboarding-button-stale"));
  if (b.t === "o.req") return onRequest(ctx);
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return refuse(ctx, ctx.t("onboarding-coordinators-only"));
  const request = await getAccessRequest(ctx.app.deps.db, (b as { req: number }).req);
  if (!request) return refuse(ctx, ctx.t("onboarding-button-stale"));
  const who = await requesterName(ctx, request.user_id);
  if (request.status !== "pending") {
    await ctx.answerCallbackQuery({ text: ctx.t("access-decided-already") });
    return show(ctx, { text: await decidedText(ctx, request.status, request.decided_by, who) });
  }
  switch (b.t) {
    case "ar.ok":
    case "ar.rp":
      await ctx.answerCallbackQuery();
      return show(ctx, await rolesScreen(ctx, request.id, who, b.t === "ar.rp" ? b.page : 0));
    case "ar.up":
      await ctx.answerCallbackQuery();
      return show(ctx, await unitsScreen(ctx, request.id, who, b.role, b.page));
    case "ar.pk":
      return approve(ctx, b, request.user_id, who);
    case "ar.no":
      return reject(ctx, request.id, request.user_id, who);
  }
});

async function onRequest(ctx: BaseContext): Promise<void> {
  const from = ctx.from;
  if (!from) return;
  const { db, clock } = ctx.app.deps;
  const r = await applyOnce(ctx, (trx) =>
    requestAccess(trx, { userId: from.id, message: null, at: clock() }),
  );
  const created = r.applied && r.value.created;
  await ctx.answerCallbackQuery();
  if (!created) return show(ctx, { text: ctx.t("access-already-pending") });
  const request = r.value.request;
  const coordinators = await listCoordinators(db);
  await show(ctx, { text: ctx.t(coordinators.length > 0 ? "access-sent" : "access-sent-no-coordinators") });
  const who = personName({ ...from, last_name: from.last_name ?? null }, `id ${from.id}`);
  for (const c of coordinators) {
    if (c.userId === from.id) continue;
    const t = translatorFor(ctx, c.language);
    await sendNowOrLater(
      ctx,
      c.userId,
      {
        text: t("access-new-request", { who: escapeHtml(who), id: String(from.id) }),
        reply_markup: {
          inline_keyboard: [
            [
              {
                text: t("access-btn-approve"),
                callback_data: onboardingData({ t: "ar.ok", req: request.id }),
              },
              {
                text: t("access-btn-reject"),
                callback_data: onboardingData({ t: "ar.no", req: request.id }),
              },
            ],
          ],
        },
      },
      outboxKey("access-request", request.id, c.userId),
    );
  }
}

async function rolesScreen(ctx: BaseContext, req: number, who: string, page: number): Promise<Screen> {
  const actor = await currentActor(ctx);
  const units = await coordinatedUnits(ctx, actor);
  const roles = (await listRoles(ctx.app.deps.db))
    .map((r) => ({ ...r, count: units.filter((u) => u.roleId === r.id).length }))
    .filter((r) => r.count > 0);
  const reject: InlineKeyboardButton[] = [
    { text: ctx.t("access-btn-reject"), callback_data: onboardingData({ t: "ar.no", req }) },
  ];
  if (roles.length === 0) {
    return {
      text: ctx.t("access-no-units", { who: escapeHtml(who) }),
      reply_markup: { inline_keyboard: [reject] },
    };
  }
  const p = paginate(roles, page, PAGE);
  const rows: InlineKeyboardButton[][] = p.items.map((r) => [
    {
      text: `${label(r.name)} (${r.count})`,
      callback_data: onboardingData({ t: "ar.up", req, role: r.id, page: 0 }),
    },
  ]);
  const pager = pagerRow(p, (n) => onboardingData({ t: "ar.rp", req, page: n }));
  if (pager.length) rows.push(pager);
  rows.push(reject);
  return {
    text: ctx.t("access-pick-role", { who: escapeHtml(who) }),
    reply_markup: { inline_keyboard: rows },
  };
}

async function unitsScreen(
  ctx: BaseContext,
  req: number,
  who: string,
  roleId: number,
  page: number,
): Promise<Screen> {
  const actor = await currentActor(ctx);
  const units = (await coordinatedUnits(ctx, actor)).filter((u) => u.roleId === roleId);
  if (units.length === 0) return rolesScreen(ctx, req, who, 0);
  const p = paginate(units, page, PAGE);
  const rows: InlineKeyboardButton[][] = p.items.map((u) => [
    { text: label(u.name), callback_data: onboardingData({ t: "ar.pk", req, unit: u.id }) },
  ]);
  const pager = pagerRow(p, (n) => onboardingData({ t: "ar.up", req, role: roleId, page: n }));
  if (pager.length) rows.push(pager);
  rows.push([
    { text: ctx.t("access-btn-roles"), callback_data: onboardingData({ t: "ar.rp", req, page: 0 }) },
  ]);
  const role = units[0]?.roleName ?? "";
  return {
    text: ctx.t("access-pick-unit", { who: escapeHtml(who), role: escapeHtml(role) }),
    reply_markup: { inline_keyboard: rows },
  };
}

async function approve(
  ctx: BaseContext,
  b: Extract<OnboardingButton, { t: "ar.pk" }>,
  userId: number,
  who: string,
): Promise<void> {
  const { db, clock } = ctx.app.deps;
  const actor = await currentActor(ctx);
  const unit = await getUnit(db, b.unit);
  if (!unit || unit.archived || !canCoordinateUnit(actor, unit.id, await loadUnitTree(db))) {
    return refuse(ctx, ctx.t("onboarding-not-your-unit"));
  }
  const now = clock();
  const r = await applyOnce(ctx, async (trx) => {
    const decided = await decideAccessRequest(trx, {
      requestId: b.req,
      status: "approved",
      by: actor.userId,
      at: now,
      details: { unitId: unit.id },
    });
    if (!decided) return false;
    await linkMember(trx, {
      userId,
      unitId: unit.id,
      at: now,
      via: { request: b.req },
      actorId: actor.userId,
    });
    return true;
  });
  const title = unitTitle(unit);
  if (r.applied && !r.value) {
    await ctx.answerCallbackQuery({ text: ctx.t("access-decided-already") });
    const fresh = await getAccessRequest(db, b.req);
    return show(ctx, {
      text: await decidedText(ctx, fresh?.status ?? "approved", fresh?.decided_by ?? null, who),
    });
  }
  await ctx.answerCallbackQuery({ text: ctx.t("access-approved-short") });
  await show(ctx, { text: ctx.t("access-approved", { who: escapeHtml(who), unit: escapeHtml(title) }) });
  if (!r.applied) return;
  const greeting = await loadGreeting(db, ctx.app.deps.config, userId);
  if (greeting)
    await sendNowOrLater(
      ctx,
      userId,
      renderGreeting(greeting, translatorFor(ctx, greeting.locale)),
      outboxKey("access-approved", b.req, userId),
    );
}

async function reject(ctx: BaseContext, requestId: number, userId: number, who: string): Promise<void> {
  const { db, clock } = ctx.app.deps;
  const actorId = ctx.from?.id as number;
  const r = await applyOnce(ctx, (trx) =>
    decideAccessRequest(trx, { requestId, status: "rejected", by: actorId, at: clock() }),
  );
  if (r.applied && !r.value) {
    await ctx.answerCallbackQuery({ text: ctx.t("access-decided-already") });
    const fresh = await getAccessRequest(db, requestId);
    return show(ctx, {
      text: await decidedText(ctx, fresh?.status ?? "rejected", fresh?.decided_by ?? null, who),
    });
  }
  await ctx.answerCallbackQuery({ text: ctx.t("access-rejected-short") });
  await show(ctx, { text: ctx.t("access-rejected", { who: escapeHtml(who) }) });
  if (!r.applied) return;
  const user = await loadUserBrief(db, userId);
  await sendNowOrLater(
    ctx,
    userId,
    { text: translatorFor(ctx, user?.language ?? "ru")("access-rejected-user") },
    outboxKey("access-rejected", requestId, userId),
  );
}

async function decidedText(
  ctx: BaseContext,
  status: "pending" | "approved" | "rejected",
  by: number | null,
  who: string,
): Promise<string> {
  const decider = by === null ? "" : await requesterName(ctx, by);
  return ctx.t(status === "approved" ? "access-was-approved" : "access-was-rejected", {
    who: escapeHtml(who),
    by: escapeHtml(decider),
  });
}

async function requesterName(ctx: BaseContext, userId: number): Promise<string> {
  return personName((await loadUserBrief(ctx.app.deps.db, userId)) ?? null, `id ${userId}`);
}

/** Texts for another user (a coordinator, the requester) in their own language. */
export function translatorFor(ctx: BaseContext, locale: string): Translate {
  const f = ctx.i18n.fluent.withLocale(locale);
  return (key, vars) => f(key, vars);
}
