// `srok migrate`: bring the database to the latest schema.
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../../../db/database.js";
import { loadConfig, parseCommand, print } from "../support.js";

export async function run(args: string[]): Promise<number> {
  parseCommand(args, {
    usage: "migrate",
    options: {},
    positionals: z.tuple([], { error: "команда migrate не принимает аргументов" }),
  });
  const db = openDatabase((await loadConfig()).databaseUrl);
  try {
    const applied = await migrateToLatest(db);
    print(applied.length > 0 ? `Применены миграции: ${applied.join(", ")}` : "Схема базы уже актуальна.");
  } finally {
    await db.destroy();
  }
  return 0;
}
