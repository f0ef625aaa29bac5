// The commands menu: executors get the default scope; each coordinator gets their own chat scope.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { getUser, isCoordinatorUser, listCoordinatorIds } from "../../db/queries/users.js";
import type { BotDeps } from "./context.js";
import { createI18n, LANGUAGES, normaliseLanguage } from "./i18n.js";

export const EXECUTOR_COMMANDS = ["tasks", "me", "settings", "help", "cancel"] as const;
export const COORDINATOR_COMMANDS = [
  "status",
  "overdue",
  "tasks",
  "invite",
  "invites",
  "units",
  "plans",
  "event",
  "export",
  "me",
  "settings",
  "help",
  "cancel",
] as const;

let texts: ReturnType<typeof createI18n> | undefined;
function i18n() {
  texts ??= createI18n();
  return texts;
}

/** The menu entries in one language ("cmd-<name>" in locales/<lang>/common.ftl). */
export function commandList(names: readonly string[], language: string): BotCommand[] {
  const locale = normaliseLanguage(language);
  return names.map((command) => ({ command, description: i18n().t(locale, `cmd-${command}`) }));
}

/** Executors' menu: Russian for everyone, English for Telegram clients in English. */
export async function setDefaultCommands(api: Api): Promise<void> {
  await api.setMyCommands(commandList(EXECUTOR_COMMANDS, "ru"), { scope: { type: "default" } });
  for (const language of LANGUAGES) {
    if (language === "ru") continue;
    await api.setMyCommands(commandList(EXECUTOR_COMMANDS, language), {
      scope: { type: "default" },
      language_code: language,
    });
  }
}

/**
 * Gives the user the coordinators' menu (in their stored language) when they coordinate
 * anything, or takes it away (back to the default menu). Call it when someone becomes a
 * coordinator or loses their last scope.
 */
export async function refreshUserCommands(api: Api, deps: BotDeps, userId: number): Promise<void> {
  const scope = { type: "chat" as const, chat_id: userId };
  const coordinator = deps.config.adminIds.includes(userId) || (await isCoordinatorUser(deps.db, userId));
  if (coordinator) {
    const user = await getUser(deps.db, userId);
    await api.setMyCommands(commandList(COORDINATOR_COMMANDS, user?.language ?? "ru"), { scope });
  } else {
    await api.deleteMyCommands({ scope });
  }
}

/**
 * On start: the default menu, then each coordinator's. A coordinator who never opened the chat
 * makes Telegram answer 400 "chat not found": logged, not fatal.
 */
export async function setupCommandsMenu(
  api: Api,
  deps: BotDeps,
): Promise<{ coordinators: number; failed: number }> {
  await setDefaultCommands(api);
  const ids = await listCoordinatorIds(deps.db, deps.config.adminIds);
  let failed = 0;
  for (const id of ids) {
    try {
      await refreshUserCommands(api, deps, id);
    } catch (err) {
      failed += 1;
      deps.logger.debug({ user_id: id, err: String(err) }, "could not set the coordinator's commands");
    }
  }
  return { coordinators: ids.length, failed };
}
