// `npm start` with a bad configuration: one clear line per problem, exit code 1.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configOrProblems } from "../../../src/bot/runtime/app.js";
import { REPO_ROOT } from "../../support/bot-harness.js";

function runMain(env: Record<string, string>) {
  // Every variable is given (empty = unset), so a developer's .env cannot change the outcome.
  const base = {
    BOT_TOKEN: "",
    BOT_API_ROOT: "",
    DATABASE_URL: "",
    ADMIN_IDS: "",
    DEFAULT_TIMEZONE: "",
    DIGEST_TIME: "",
    FILES_DIR: "",
    LOG_LEVEL: "",
  };
  const result = spawnSync(process.execPath, ["--import", "tsx", join(REPO_ROOT, "src/main.ts")], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", ...base, ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, lines: result.stderr.split("\n").filter(Boolean), stdout: result.stdout };
}

describe("configuration at start", () => {
  it("refuses to start without BOT_TOKEN, saying so in one line", () => {
    const { code, lines, stdout } = runMain({});
    expect(code).toBe(1);
    expect(lines).toEqual(["srok: configuration: BOT_TOKEN: required to run the bot (ask @BotFather)"]);
    expect(stdout).toBe("");
  });

  it("prints one line per bad value", () => {
    const { code, lines } = runMain({
      BOT_TOKEN: "not a token",
      ADMIN_IDS: "12,abc",
      DIGEST_TIME: "9 утра",
      DEFAULT_TIMEZONE: "Europe/Nowhere",
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith("srok: configuration: "))).toBe(true);
    expect(lines.join("\n")).toMatch(/BOT_TOKEN: expected a bot token/);
    expect(lines.join("\n")).toMatch(/ADMIN_IDS: "abc" is not a Telegram user id/);
    expect(lines.join("\n")).toMatch(/DIGEST_TIME: expected a time of day/);
    expect(lines.join("\n")).toMatch(/DEFAULT_TIMEZONE: expected an IANA time zone/);
  });

  it("gives the configuration when it is fine", () => {
    const printed: string[] = [];
    const config = configOrProblems({ BOT_TOKEN: "123:abc", ADMIN_IDS: "5, 6" }, (l) => printed.push(l));
    expect(printed).toEqual([]);
    expect(config?.adminIds).toEqual([5, 6]);
  });
});
