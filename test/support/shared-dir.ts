// The project's shared folder (../shared beside the repository: the seed plans, the spec).
// Tests and benches read the real plans from there. A clone elsewhere points to it with
// SROK_SHARED_DIR; without either, the first use says so instead of failing on a missing file.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const beside = fileURLToPath(new URL("../../../shared/", import.meta.url));

function sharedDir(): string {
  const dir = process.env.SROK_SHARED_DIR ? resolve(process.env.SROK_SHARED_DIR) : beside;
  if (!existsSync(resolve(dir, "plans")))
    throw new Error(
      `the shared folder with the seed plans is not at ${dir}: clone srok beside it (../shared) or set SROK_SHARED_DIR`,
    );
  return `${dir.replace(/\/$/, "")}/`;
}

/** The shared folder, with a trailing slash. */
export const SHARED_DIR = sharedDir();
/** The seed plans' folder, with a trailing slash. */
export const SEEDS_DIR = `${SHARED_DIR}plans/`;
