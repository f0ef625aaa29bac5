// The explicit map of migrations: the same under tsc, tsx and Vitest.
import type { Migration } from "kysely";
import * as m0001 from "./0001-initial.js";
import * as m0002 from "./0002-item-executors.js";
import * as m0005 from "./0005-digest-log.js";

export const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-item-executors": m0002,
  "0005-digest-log": m0005,
};
