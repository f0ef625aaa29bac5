// The two dialogues of units: typing a unit's name (new from /invite, new from /units, rename),
// and waiting for an uploaded list of units (see upload.ts). Both are conversations (state
// in the database, /cancel works); each step's effect runs in `conversation.external` with
// applyOnce on the outer context. A button pressed or a command typed meanwhile ends the dialogue
// and is handled as usual.
import type { Context } from "grammy";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { addUnitAssignments } from "../../../../db/queries/publish.js";
import {
  createUnit,
  findUnitByName,
  getRole,
  getUnit,
  renameUnit,
  unitNameProblem,
  unitTitle,
} from "../../../../db/queries/units.js";
import { canCoordinateUnit, isCoordinator } from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext, BotConversation, ConversationContext } from "../../context.js";
import { currentActor } from "../../reader.js";
import { defineConversation } from "../../runtime/feature.js";
import type { Screen } from "../../screen.js";
import { onboardingData } from "../onboarding/callback-data.js";
import { inviteOptionsScreen, mayCreateUnder, optionsData } from "../onboarding/invites-screens.js";
import { unitCardScreen } from "./screens.js";
import { handleUnitsFile } from "./upload.js";

export const UNIT_NAME_CONVERSATION = "units-name";
export const UNITS_UPLOAD_CONVERSATION = "units-upload";

export type UnitNameArgs =
  | { mode: "invite" | "add"; roleId: number; parentId: number | null }
  | { mode: "rename"; unitId: number };

/** An abandoned dialogue stops taking text after this long. */
const WAIT_MS = 30 * 60_000;

/** A button or a command ends the dialogue and goes on to the features. */
function isEscape(ctx: Context): boolean {
  return ctx.callbackQuery !== undefined || (ctx.message?.text?.startsWith("/") ?? false);
}

async function unitNameConversation(
  conversation: BotConversation,
  ctx: ConversationContext,
  args: UnitNameArgs,
) {
  const prompt = await conversation.external((outer) => unitNamePrompt(outer, args));
  if (prompt === null) return;
  await ctx.reply(prompt, { parse_mode: "HTML" });
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: WAIT_MS });
    if (isEscape(next)) await conversation.halt({ next: true });
    const text = next.message?.text;
    if (text === undefined) {
      await next.reply(next.t("units-name-hint"));
      continue;
    }
    const done = await conversation.external((outer) => applyUnitName(outer, args, text));
    if (done) return;
  }
}

async function unitsUploadConversation(conversation: BotConversation, ctx: ConversationContext) {
  await ctx.reply(ctx.t("units-upload-prompt"), { parse_mode: "HTML" });
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: WAIT_MS });
    if (isEscape(next)) await conversation.halt({ next: true });
    if (!next.message?.document) {
      await next.reply(next.t("units-upload-hint"));
      continue;
    }
    // Download, read, create, answer: once, outside the replayed part.
    const done = await conversation.external((outer) => handleUnitsFile(outer));
    if (done) return;
  }
}

export const unitsConversations = [
  defineConversation(UNIT_NAME_CONVERSATION, unitNameConversation),
  defineConversation(UNITS_UPLOAD_CONVERSATION, unitsUploadConversation),
];

/** The question, or null (and a refusal sent) when the coordinator may no longer do this. */
async function unitNamePrompt(ctx: BotContext, args: UnitNameArgs): Promise<string | null> {
  const { db } = ctx.app.deps;
  if (args.mode === "rename") {
    const unit = await getUnit(db, args.unitId);
    if (!unit) return null;
    return ctx.t("units-rename-prompt", { unit: escapeHtml(unit.name) });
  }
  const role = await getRole(db, args.roleId);
  if (!role) return null;
  return ctx.t("units-name-prompt", { role: escapeHtml(role.name) });
}

/** Applies a typed name; true when the dialogue is over, false to ask again. */
async function applyUnitName(ctx: BotContext, args: UnitNameArgs, text: string): Promise<boolean> {
  const { db, clock } = ctx.app.deps;
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) {
    await ctx.reply(ctx.t("onboarding-coordinators-only"));
    return true;
  }
  const problem = unitNameProblem(text);
  if (problem) {
    await ctx.reply(ctx.t(`units-name-${problem}`));
    return false;
  }
  const now = clock();
  if (args.mode === "rename") {
    const unit = await getUnit(db, args.unitId);
    if (!unit || !canCoordinateUnit(actor, unit.id, await loadUnitTree(db))) {
      await ctx.reply(ctx.t("onboarding-not-your-unit"));
      return true;
    }
    const clash = await findUnitByName(db, unit.roleId, text);
    if (clash && clash.id !== unit.id) {
      await ctx.reply(ctx.t("units-name-taken", { unit: escapeHtml(clash.name) }), { parse_mode: "HTML" });
      return false;
    }
    await applyOnce(ctx, (trx) =>
      renameUnit(trx, { unitId: unit.id, name: text, by: actor.userId, at: now }),
    );
    await send(ctx, ctx.t("units-renamed"), await unitCardScreen(ctx, unit.id));
    return true;
  }
  if (!(await mayCreateUnder(ctx, actor, args.roleId, args.parentId ?? 0))) {
    await ctx.reply(ctx.t("onboarding-not-your-unit"));
    return true;
  }
  const existing = await findUnitByName(db, args.roleId, text);
  if (existing) {
    if (!canCoordinateUnit(actor, existing.id, await loadUnitTree(db))) {
      await ctx.reply(ctx.t("units-name-taken", { unit: escapeHtml(existing.name) }), { parse_mode: "HTML" });
      return false;
    }
    await send(
      ctx,
      ctx.t("units-exists", { unit: escapeHtml(existing.name) }),
      await afterCreate(ctx, args.mode, existing.id),
    );
    return true;
  }
  const r = await applyOnce(ctx, async (trx) => {
    const unitId = await createUnit(trx, {
      roleId: args.roleId,
      name: text,
      parentUnitId: args.parentId,
      by: actor.userId,
      at: now,
    });
    await addUnitAssignments(trx, unitId, now);
    return unitId;
  });
  if (!r.applied) return true;
  await send(ctx, ctx.t("units-created"), await afterCreate(ctx, args.mode, r.value));
  return true;
}

/** After a new unit from /invite: its invite options; from /units: its card. */
async function afterCreate(ctx: BotContext, mode: "invite" | "add", unitId: number): Promise<Screen | null> {
  if (mode === "add") return unitCardScreen(ctx, unitId);
  const unit = await getUnit(ctx.app.deps.db, unitId);
  if (!unit) return null;
  const back = onboardingData({ t: "iv.up", role: unit.roleId, page: 0 });
  return inviteOptionsScreen(ctx, "e", unitId, unitTitle(unit), 14, 1, back);
}

async function send(ctx: BotContext, notice: string, screen: Screen | null): Promise<void> {
  const text = screen ? `${notice}\n\n${screen.text}` : notice;
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: screen?.reply_markup });
}

export { optionsData };
