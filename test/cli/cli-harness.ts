// Runs the `srok` command line as a child process, as operators and scripts do.

import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SEEDS_DIR } from "../support/shared-dir.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const SEEDS = SEEDS_DIR;

export const seedFiles = (): string[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(SEEDS, f));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/main.ts …args` in the repository with the given environment. */
export function srok(args: string[], env: Record<string, string>): Promise<CliRun> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // The child gets only what the test gives it for srok's own settings.
    if (
      v !== undefined &&
      !/^(DATABASE_URL|BOT_TOKEN|ADMIN_IDS|DEFAULT_TIMEZONE|DIGEST_TIME|FILES_DIR)$/.test(k)
    )
      childEnv[k] = v;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: REPO, env: { ...childEnv, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A temporary folder removed by `cleanup()`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "srok-cli-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines of stderr, for the "one clear line" rule. */
export const errorLines = (r: CliRun): string[] => r.stderr.trim().split("\n").filter(Boolean);

/** One bad input: the arguments, the exit code expected and a piece of the one line said. */
export interface BadInput {
  name: string;
  args: string[];
  code: 1 | 2;
  says: RegExp;
  env?: Record<string, string>;
}

/** Runs the cases a few at a time (the machine is shared); results by case name. */
export async function runAll(
  cases: readonly BadInput[],
  env: Record<string, string>,
  workers = 3,
): Promise<Map<string, CliRun>> {
  const results = new Map<string, CliRun>();
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift())
      results.set(c.name, await srok(c.args, { ...env, ...c.env }));
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
