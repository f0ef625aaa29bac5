// The project's shared folder (../shared beside the repository: the seed plans, the spec).
// Tests and benches read the real plans from there. A clone elsewhere points to it with
// SROK_SHARED_DIR, or is found beside the local repository it was cloned from (a CI run in a
// fresh temporary clone); otherwise the first use says so instead of failing on a missing file.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const beside = fileURLToPath(new URL("../../../shared/", import.meta.url));

/** ../shared beside the origin, when this clone was made from a repository on this machine. */
function besideOrigin(): string | undefined {
  try {
    const config = readFileSync(new URL("../../.git/config", import.meta.url), "utf8");
    const origin = /\[remote "origin"\][^[]*?\burl = (.+)/.exec(config)?.[1]?.trim();
    const path = origin?.startsWith("file://") ? fileURLToPath(origin) : origin;
    return path?.startsWith("/") ? resolve(path, "../shared") : undefined;
  } catch {
    return undefined; // not a git clone, or no readable config
  }
}

function sharedDir(): string {
  const candidates = process.env.SROK_SHARED_DIR
    ? [resolve(process.env.SROK_SHARED_DIR)]
    : [beside, besideOrigin()].filter((d): d is string => d !== undefined);
  const dir = candidates.find((d) => existsSync(resolve(d, "plans")));
  if (!dir)
    throw new Error(
      `the shared folder with the seed plans is not at ${candidates.join(" or ")}: clone srok beside it (../shared) or set SROK_SHARED_DIR`,
    );
  return `${dir.replace(/\/$/, "")}/`;
}

/** The shared folder, with a trailing slash. */
export const SHARED_DIR = sharedDir();
/** The seed plans' folder, with a trailing slash. */
export const SEEDS_DIR = `${SHARED_DIR}plans/`;
