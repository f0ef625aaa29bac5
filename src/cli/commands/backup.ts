// `srok backup FILE`: a consistent copy of the database, safe while the bot runs.
import { z } from "zod";
import { BackupError, backupDatabase } from "../../../db/backup.js";
import { CliError, loadConfig, parseCommand, print } from "../support.js";

export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommand(args, {
    usage: "backup FILE",
    options: {},
    positionals: z.tuple([z.string().min(1, "укажите файл копии")], { error: "укажите один файл копии" }),
  });
  const [target] = positionals;
  try {
    const { bytes } = await backupDatabase((await loadConfig()).databaseUrl, target);
    print(`Копия базы записана: ${target} (${(bytes / 1024).toFixed(0)} КБ)`);
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  }
  return 0;
}
