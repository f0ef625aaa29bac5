// Copies of report files under FILES_DIR/<report id>/<safe name>, fetched through the Bot API's
// file URL (BOT_API_ROOT). Not replay-safe by itself: called inside `conversation.external`, and
// a part that already has its copy is skipped, so a repeated step fetches only what is missing.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { type ReportPart, setPartLocalPath } from "../../../../db/queries/reports.js";
import type { BaseContext } from "../../context.js";
import { MAX_FILE_BYTES, safeFileName } from "./view.js";

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** Downloads every file part not yet copied; returns the names of those that failed. */
export async function storeReportFiles(
  ctx: BaseContext,
  reportId: number,
  parts: ReportPart[],
): Promise<string[]> {
  const { config, db, logger } = ctx.app.deps;
  const dir = join(config.filesDir, String(reportId));
  const used = new Set<string>();
  const failed: string[] = [];
  let n = 0;
  for (const part of parts) {
    if (!part.telegramFileId || (part.kind !== "document" && part.kind !== "photo")) continue;
    n++;
    const fallback = part.kind === "photo" ? `photo-${n}.jpg` : `file-${n}`;
    const name = safeFileName(part.fileName, fallback, used);
    if (part.localPath) continue;
    const target = join(dir, name);
    try {
      await download(ctx, part.telegramFileId, target);
      await setPartLocalPath(db, part.id, target);
    } catch (err) {
      failed.push(part.fileName ?? fallback);
      logger.warn({ err, reportId, part: part.id }, "report file not copied");
    }
  }
  return failed;
}

async function download(ctx: BaseContext, fileId: string, target: string): Promise<void> {
  const { config } = ctx.app.deps;
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  const url = `${config.botApiRoot}/file/bot${config.botToken ?? ""}/${file.file_path}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok || !res.body) throw new Error(`download failed: HTTP ${res.status}`);
  await mkdir(join(target, ".."), { recursive: true });
  const partial = `${target}.part`;
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(bytes > MAX_FILE_BYTES ? new Error("file larger than the download limit") : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), limit, createWriteStream(partial));
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
