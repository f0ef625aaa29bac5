// A consistent copy of the SQLite database through SQLite's online backup (better-sqlite3's
// `.backup()`): safe while the bot writes, the copy is a complete database or nothing.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";

/** A backup that cannot be made; `message` is Russian, for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * Copies the database named by `databaseUrl` into `target`, which must not exist yet (a backup
 * never overwrites anything). Written to a temporary name and renamed when complete.
 */
export async function backupDatabase(databaseUrl: string, target: string): Promise<{ bytes: number }> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl))
    throw new BackupError("srok backup копирует только SQLite; базу PostgreSQL копируйте через pg_dump");
  const source = databaseUrl.replace(/^sqlite:(\/\/)?/i, "");
  if (source === ":memory:") throw new BackupError("база в памяти (:memory:): копировать нечего");
  if (!existsSync(source)) throw new BackupError(`базы данных нет: ${source} (проверьте DATABASE_URL)`);
  if (resolve(source) === resolve(target)) throw new BackupError("копию нельзя записать поверх самой базы");
  if (existsSync(target)) throw new BackupError(`файл уже существует: ${target} — укажите другое имя`);

  mkdirSync(dirname(resolve(target)), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(source, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    await db.backup(partial);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    const text = e instanceof Error ? e.message : String(e);
    throw new BackupError(
      /not a database/i.test(text) ? `${source}: это не база SQLite` : `копия не записана: ${text}`,
    );
  } finally {
    db?.close();
  }
  return { bytes: statSync(target).size };
}
