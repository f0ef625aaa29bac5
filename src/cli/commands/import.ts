// `srok import FILE [--dry-run] [--json]`: read a plan file; preview it, or store it as a draft.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { z } from "zod";
import { savePlanDraft } from "../../../db/queries/plans.js";
import { planFileMessages } from "../../domain/plan/formats/plan-file-error.js";
import type { ParsedPlan } from "../../domain/plan/types.js";
import { planJson } from "../plan-json.js";
import { renderPreview } from "../preview.js";
import { CliError, loadConfig, parseCommand, print, withDatabase } from "../support.js";

const USAGE = "import FILE [--dry-run] [--json]";

/** Files larger than this are refused before they are read into memory (as readPlan does). */
const MAX_BYTES = 20 * 1024 * 1024;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    usage: USAGE,
    options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
    positionals: z.tuple([z.string().min(1, "укажите файл плана")], { error: "укажите один файл плана" }),
  });
  const [file] = positionals;
  const plan = await readPlanFile(file);

  if (values["dry-run"]) {
    print(values.json ? JSON.stringify(planJson(plan), null, 2) : renderPreview(plan));
    return 0;
  }

  const config = await loadConfig();
  const id = await withDatabase(config, (db) =>
    savePlanDraft(db, plan, { sourceName: basename(file), createdBy: null, at: new Date() }),
  );
  if (values.json) {
    print(JSON.stringify({ id, status: "draft", title: plan.title, items: plan.items.length }));
  } else {
    print(renderPreview(plan), "", `Черновик сохранён: план ${id}. Опубликовать: srok publish ${id}`);
  }
  return 0;
}

async function readPlanFile(file: string): Promise<ParsedPlan> {
  const name = basename(file);
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new CliError(`${file}: это папка, а не файл плана`);
    size = s.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`файл не найден: ${file}`);
    if (code === "EACCES") throw new CliError(`нет доступа к файлу: ${file}`);
    throw new CliError(`${file}: ${(e as Error).message}`);
  }
  if (size > MAX_BYTES) throw new CliError(`${name}: ${planFileMessages.tooLarge(size, MAX_BYTES)}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`);
  }
  // The readers (Word, Excel) take a while to load: only once the file is there to read.
  const { PlanFileError, readPlan } = await import("../../domain/plan/read-plan.js");
  try {
    return await readPlan(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, {
      maxBytes: MAX_BYTES,
    });
  } catch (e) {
    if (e instanceof PlanFileError) throw new CliError(`${name}: ${e.message}`);
    throw e;
  }
}
