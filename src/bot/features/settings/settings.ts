// /settings: digest time (buttons 07:00…10:00 or typed), time zone (Russian cities or any IANA
// name typed), language, pause/resume. One message edited in place; stored on users, audited.
import { Composer } from "grammy";
import { loadActor } from "../../../../db/queries/actors.js";
import { type SettingsPatch, updateUserSettings } from "../../../../db/queries/user-settings.js";
import { getUser } from "../../../../db/queries/users.js";
import type { Translate } from "../../../domain/text/translate.js";
import { applyOnce } from "../../apply-once.js";
import { parseSettingsData, SETTINGS_DATA, type SettingsButton } from "../../callback-data.js";
import type { BaseContext, BotContext, BotConversation, ConversationContext } from "../../context.js";
import { i18nForOthers, normaliseLanguage, translator } from "../../i18n.js";
import { readerZone } from "../../reader.js";
import { type BotFeature, defineConversation } from "../../runtime/feature.js";
import { answerPress, editInPlace } from "../../screen.js";
import {
  parseTypedTime,
  parseTypedZone,
  RUSSIAN_ZONES,
  renderSettings,
  type SettingsScreen,
  type SettingsViewData,
  zoneLabel,
} from "./view.js";

export const SETTINGS_INPUT_CONVERSATION = "settings-input";

const composer = new Composer<BotContext>();

composer.chatType("private").command("settings", async (ctx) => {
  const view = renderSettings(await loadSettings(ctx, "main"), ctx.t);
  await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.reply_markup });
});

composer.callbackQuery(SETTINGS_DATA, async (ctx) => {
  const button = parseSettingsData(ctx.callbackQuery.data);
  if (!button) {
    await answerPress(ctx, ctx.t("settings-stale"), true);
    return;
  }
  switch (button.kind) {
    case "open": {
      await answerPress(ctx);
      const view = renderSettings(await loadSettings(ctx, "main"), ctx.t);
      await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.reply_markup });
      return;
    }
    case "main":
    case "time":
    case "tz":
      await answerPress(ctx);
      await show(ctx, button.kind);
      return;
    case "time_input":
    case "tz_input": {
      await answerPress(ctx);
      await show(ctx, button.kind);
      const message = ctx.callbackQuery.message;
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(
        SETTINGS_INPUT_CONVERSATION,
        button.kind === "time_input" ? "time" : "tz",
        message ? { chatId: message.chat.id, messageId: message.message_id } : null,
      );
      return;
    }
    default: {
      const patch = patchOf(button);
      if (!patch) {
        await answerPress(ctx, ctx.t("settings-stale"), true);
        return;
      }
      await applyOnce(ctx, (trx) => updateUserSettings(trx, ctx.from.id, patch, ctx.app.deps.clock()));
      if (patch.language) await useLanguage(ctx, patch.language);
      const data = await loadSettings(ctx, "main");
      await answerPress(ctx, savedText(patch, data, ctx.t));
      await show(ctx, "main", data);
    }
  }
});

function patchOf(button: SettingsButton): SettingsPatch | null {
  switch (button.kind) {
    case "time_set":
      return { digestTime: button.time };
    case "tz_set":
      // The buttons offer the Russian zones; anything else comes typed, through the dialogue.
      return RUSSIAN_ZONES.some((z) => z.zone === button.zone) ? { timezone: button.zone } : null;
    case "lang_set":
      return { language: button.language };
    case "pause":
      return { paused: true };
    case "resume":
      return { paused: false };
    default:
      return null;
  }
}

function savedText(patch: SettingsPatch, d: SettingsViewData, t: Translate): string {
  if (patch.digestTime) return t("settings-saved-time", { time: patch.digestTime });
  if (patch.timezone) return t("settings-saved-tz", { zone: zoneLabel(patch.timezone, d.now, t) });
  if (patch.language) return t("settings-saved-lang");
  return t(patch.paused ? "settings-saved-paused" : "settings-saved-resumed");
}

async function useLanguage(ctx: BaseContext, language: string): Promise<void> {
  ctx.i18n.useLocale(language);
  if (ctx.app.user) ctx.app.user = { ...ctx.app.user, language };
}

async function show(ctx: BaseContext, screen: SettingsScreen, data?: SettingsViewData): Promise<void> {
  const view = renderSettings(data ?? (await loadSettings(ctx, screen)), ctx.t);
  await editInPlace(ctx, view.text, view.reply_markup);
}

/** The effective settings of the sender (their own, else their unit's / the deployment's). */
async function loadSettings(ctx: BaseContext, screen: SettingsScreen): Promise<SettingsViewData> {
  const { db, config, clock } = ctx.app.deps;
  const userId = ctx.from?.id ?? 0;
  const user = (await getUser(db, userId)) ?? ctx.app.user;
  const actor = await loadActor(db, userId);
  return {
    screen,
    digestTime: user?.digest_time ?? config.digestTime,
    timezone: await readerZone(ctx, user ?? null, actor.unitIds),
    language: normaliseLanguage(user?.language),
    paused: Number(user?.digest_paused ?? 0) === 1,
    now: clock(),
  };
}

type Target = { chatId: number; messageId: number } | null;

/** Typed digest time or zone: waits for one valid answer, stores it, shows the settings again. */
async function settingsInput(
  conversation: BotConversation,
  ctx: ConversationContext,
  kind: "time" | "tz",
  target: Target,
) {
  let patch: SettingsPatch | null = null;
  while (patch === null) {
    const answer = await conversation.wait();
    const text = answer.message?.text;
    // A button (← Назад, another screen) or a command ends the typing and goes on to its handler.
    if (answer.callbackQuery || text?.startsWith("/")) return await conversation.halt({ next: true });
    if (kind === "time") {
      const time = text === undefined ? null : parseTypedTime(text);
      if (time) patch = { digestTime: time };
      else await answer.reply(ctx.t("settings-time-bad"));
    } else {
      // The message's own date, not a clock read: the dialogue is replayed step by step.
      const sent = new Date((answer.message?.date ?? 0) * 1000);
      const zone = text === undefined ? null : parseTypedZone(text, cityNames, sent);
      if (zone) patch = { timezone: zone };
      else await answer.reply(ctx.t("settings-tz-bad"));
    }
  }
  const stored = patch;
  const data = await conversation.external(async (outer) => {
    await applyOnce(outer, (trx) =>
      updateUserSettings(trx, outer.from?.id ?? 0, stored, outer.app.deps.clock()),
    );
    const d = await loadSettings(outer, "main");
    return { ...d, now: d.now.getTime() };
  });
  const view = { ...data, now: new Date(data.now) };
  const rendered = renderSettings(view, ctx.t);
  if (target) {
    await ctx.api
      .editMessageText(target.chatId, target.messageId, rendered.text, {
        parse_mode: "HTML",
        reply_markup: rendered.reply_markup,
      })
      .catch(() => undefined); // an old or deleted message: the reply below still says it
  }
  await ctx.reply(savedText(stored, view, ctx.t));
}

function cityNames(key: string): string[] {
  const i18n = i18nForOthers();
  return ["ru", "en"].map((l) => translator(i18n, l)(`settings-city-${key}`));
}

export const settings: BotFeature = {
  name: "settings",
  composer,
  conversations: [
    defineConversation(SETTINGS_INPUT_CONVERSATION, settingsInput, { maxMillisecondsToWait: 3_600_000 }),
  ],
};
