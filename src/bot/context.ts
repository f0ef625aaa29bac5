// The context every handler sees: grammY's, plus i18n, conversations and srok's own state.
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { DB } from "../../db/database.js";
import type { UserRow } from "../../db/schema.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";

/** What the bot is built with; the same object serves every update. */
export interface BotDeps {
  db: DB;
  config: Config;
  clock: Clock;
  logger: Logger;
}

/** srok's per-update state, set by the first middleware. */
export interface AppState {
  deps: BotDeps;
  /** Child logger carrying the update id. */
  logger: Logger;
  /** The sender's stored user row (created on first contact), or null for updates with no sender. */
  user: UserRow | null;
}

export type BaseContext = Context & I18nFlavor & { app: AppState };
export type BotContext = ConversationFlavor<BaseContext>;

/**
 * The context inside a conversation: a fresh grammY Context with i18n (`ctx.t`) only. Outer state
 * (ctx.app, the database) is reached through `conversation.external((outer) => …)`.
 */
export type ConversationContext = Context & I18nFlavor;
/** The `conversation` handle every conversation builder receives. */
export type BotConversation = Conversation<BotContext, ConversationContext>;
