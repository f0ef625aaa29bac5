// A private chat's my_chat_member update says the user blocked ("kicked") or restarted the bot.
import { Composer } from "grammy";
import { markUserBlocked, markUserUnblocked } from "../../../db/queries/users.js";
import type { BotContext } from "../context.js";

export const chatMemberTracker = new Composer<BotContext>();

chatMemberTracker.on("my_chat_member", async (ctx, next) => {
  const change = ctx.myChatMember;
  if (change.chat.type === "private") {
    const { db, clock } = ctx.app.deps;
    const status = change.new_chat_member.status;
    if (status === "kicked") {
      await markUserBlocked(db, change.from.id, clock());
      ctx.app.logger.info("user blocked the bot");
    } else if (status === "member") {
      await markUserUnblocked(db, change.from.id);
    }
  }
  await next();
});
