// How a feature plugs into the bot (see src/bot/features/README.md).
import type { Composer } from "grammy";
import type { BotContext, BotConversation, ConversationContext } from "../context.js";

/** A conversation builder: replayed from the start on every update, so side effects go through `conversation.external`. */
export type ConversationFn = (
  conversation: BotConversation,
  ctx: ConversationContext,
  // Arguments of `ctx.conversation.enter(id, ...args)`: each builder types its own.
  ...args: any[]
) => Promise<unknown>;

export interface ConversationSpec {
  /** Unique over the whole bot; `ctx.conversation.enter(id)` uses it. Prefix it with the feature name. */
  id: string;
  builder: ConversationFn;
  options?: { maxMillisecondsToWait?: number; parallel?: boolean };
}

/** One feature: its handlers, and the conversations it enters. */
export interface BotFeature {
  name: string;
  composer: Composer<BotContext>;
  conversations?: ConversationSpec[];
}

/** A feature, or a bare Composer for a feature without conversations. */
export type FeatureLike = BotFeature | Composer<BotContext>;

export function defineConversation(
  id: string,
  builder: ConversationFn,
  options?: ConversationSpec["options"],
): ConversationSpec {
  return { id, builder, ...(options ? { options } : {}) };
}

export function asFeature(f: FeatureLike, index: number): BotFeature {
  return "composer" in f ? f : { name: `feature-${index}`, composer: f };
}
