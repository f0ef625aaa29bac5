// Building the bot (not starting it: see src/bot/runtime/polling.ts and src/main.ts).
//
// The middleware chain, in order:
//   1. sequentialize by chat: updates of one chat run one after another, chats in parallel;
//      it comes first so nothing below (the user upsert, conversations) races within a chat.
//   2. ctx.app: deps, a logger with the update id, the sender's user row (upserted).
//   3. i18n: Fluent texts in the user's stored language (Russian by default).
//   4. my_chat_member: a user who blocked the bot is marked (deliveries skip them).
//   5. the conversations plugin, state in the kv table (key "conversation:<chat id>", version 1).
//   6. /cancel: before any conversation, so a dialogue never takes it as an answer.
//   7. every feature's conversations (createConversation), all of them before any feature's
//      handlers: a dialogue in progress sees its chat's updates first, and passes on what it does
//      not want with `await conversation.skip({ next: true })`.
//   8. the features' composers, in the order given (src/bot/features/index.ts).
//   9. "unhandled": a short hint for any message or button nobody took.
//   bot.catch: logs and tells the user «Что-то пошло не так…».
//
// How a feature registers its conversations: export a BotFeature `{ name, composer, conversations }`
// with `defineConversation(id, builder)`; enter one with `ctx.conversation.enter(id)`. See
// src/bot/features/README.md.
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type ApiClientOptions, Bot, type Context, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { kvAdapter, rememberAbsentKeys } from "../../db/queries/kv.js";
import type { BotContext, BotDeps, ConversationContext } from "./context.js";
import { unhandledFeature } from "./features/unhandled.js";
import { createI18n, normaliseLanguage } from "./i18n.js";
import { appState } from "./middleware/app-state.js";
import { cancelCommand } from "./middleware/cancel.js";
import { chatMemberTracker } from "./middleware/chat-member.js";
import { errorBoundary } from "./middleware/errors.js";
import { type ApiTransformerOptions, installApiTransformers } from "./runtime/api-transformers.js";
import { createBotApiFetch } from "./runtime/bot-api-fetch.js";
import { asFeature, type FeatureLike } from "./runtime/feature.js";
import { installLeanBranch } from "./runtime/grammy-branch.js";

export type { BotFeature, ConversationSpec, FeatureLike } from "./runtime/feature.js";
export { defineConversation } from "./runtime/feature.js";

/** Bump only with care: a new version silently drops every conversation in flight. */
export const CONVERSATION_STORAGE_VERSION = 1;
export const CONVERSATION_KEY_PREFIX = "conversation:";

export interface CreateBotOptions {
  /** Skip getMe (tests): the bot is ready for handleUpdate at once. */
  botInfo?: UserFromGetMe;
  /** Telegram's rate limits on our side; default on. Off in tests. */
  throttle?: boolean;
  /** Bounded retry of 429/5xx; default DEFAULT_RETRY. */
  retry?: ApiTransformerOptions["retry"];
  /** Extra API client options (tests: `fetch` of the fake Bot API). */
  client?: ApiClientOptions;
}

/** The update's ordering key: its chat, or its sender when it has no chat. */
export function orderingKey(ctx: Context): string | undefined {
  return ctx.chatId?.toString() ?? ctx.from?.id.toString();
}

/** Builds the bot with srok's middleware chain and the given features (see the top of this file). */
export function createBot(
  deps: BotDeps,
  features: readonly FeatureLike[] = [],
  options: CreateBotOptions = {},
): Bot<BotContext> {
  const token = deps.config.botToken;
  if (!token) throw new Error("BOT_TOKEN is not set");
  installLeanBranch();
  const bot = new Bot<BotContext>(token, {
    client: {
      apiRoot: deps.config.botApiRoot,
      timeoutSeconds: 60,
      fetch: createBotApiFetch() as unknown as ApiClientOptions["fetch"],
      ...options.client,
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  installApiTransformers(bot.api, { logger: deps.logger, throttle: options.throttle, retry: options.retry });

  // Stored languages of recent senders, for contexts inside conversations (they have no ctx.app).
  const languages = new Map<number, string>();
  const i18n = createI18n<BotContext | ConversationContext>({
    localeNegotiator: (ctx) => {
      const stored = (ctx as Partial<BotContext>).app?.user?.language;
      return normaliseLanguage(stored ?? (ctx.from ? languages.get(ctx.from.id) : undefined));
    },
    onMissing: (message) => deps.logger.warn(message),
  });

  bot.use(sequentialize(orderingKey));
  bot.use(appState(deps, languages));
  bot.use(i18n.middleware() as Middleware<BotContext>);
  bot.use(chatMemberTracker);
  bot.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: "key",
        version: CONVERSATION_STORAGE_VERSION,
        prefix: CONVERSATION_KEY_PREFIX,
        // Most chats have no dialogue: "none" is remembered, not read from the database each time.
        adapter: rememberAbsentKeys(kvAdapter(deps.db, "", deps.clock)),
      },
      plugins: [i18n.middleware() as Middleware<ConversationContext>],
    }),
  );
  bot.use(cancelCommand);

  const all = features.map(asFeature);
  const ids = new Set<string>();
  for (const feature of all) {
    for (const spec of feature.conversations ?? []) {
      if (ids.has(spec.id)) throw new Error(`conversation id "${spec.id}" is used twice (${feature.name})`);
      ids.add(spec.id);
      bot.use(
        createConversation<BotContext, ConversationContext>(spec.builder, { id: spec.id, ...spec.options }),
      );
    }
  }
  for (const feature of all) bot.use(feature.composer);
  bot.use(unhandledFeature);

  bot.catch(errorBoundary(deps, i18n));
  return bot;
}
