// `srok admin add TELEGRAM_ID`: make a Telegram user an admin and coordinator over everything.
import { z } from "zod";
import { grantAdmin } from "../../../db/queries/admins.js";
import { loadConfig, parseCommand, print, withDatabase } from "../support.js";

export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommand(args, {
    usage: "admin add TELEGRAM_ID",
    options: {},
    positionals: z.tuple(
      [
        z.literal("add", { error: "известна только подкоманда add" }),
        z
          .string()
          .regex(
            /^[1-9]\d{0,14}$/,
            "TELEGRAM_ID — числовой id пользователя Telegram (например, от @userinfobot)",
          )
          .transform(Number),
      ],
      { error: "укажите подкоманду и id" },
    ),
  });
  const [, userId] = positionals;
  const r = await withDatabase(await loadConfig(), (db) => grantAdmin(db, { userId, at: new Date() }));
  print(
    r.promoted || r.scopeAdded
      ? `Пользователь ${userId} теперь администратор и координатор всего развёртывания.`
      : `Пользователь ${userId} уже администратор и координатор всего развёртывания.`,
  );
  return 0;
}
