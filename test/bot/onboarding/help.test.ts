// /help lists what this person can do: executors their commands, plan managers also the upload.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { help } from "../../../src/bot/features/help.js";
import { onboardingFeatures } from "../../../src/bot/features/index.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { createFeatureTester } from "../../support/bot-harness.js";
import { ADMIN, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  const t = await createFeatureTester({
    features: [...onboardingFeatures, help],
    now: "2025-10-20T06:00:00Z",
    env: { ADMIN_IDS: String(ADMIN) },
  });
  w = { t, f: new AssignmentFixtures(t.db), close: () => t.close() };
});
afterEach(async () => w.close());

describe("/help", () => {
  it("an executor sees the executor commands, not the coordinators' ones", async () => {
    const school = await w.f.unit("Школа № 5", { role: "Руководители ОО" });
    await w.f.member(8, school);
    const member = w.t.user(8);
    await member.command("help");
    const answer = text(member.lastMessage());
    expect(answer).toContain("/tasks — Мои задачи");
    expect(answer).toContain("/settings");
    expect(answer).not.toContain("/status");
    expect(answer).not.toContain("пришлите файл плана");
  });

  it("an admin sees the coordinators' commands and how to load a plan", async () => {
    const admin = w.t.user(ADMIN);
    await admin.command("help");
    const answer = text(admin.lastMessage());
    expect(answer).toContain("/status — Как выполняется план");
    expect(answer).toContain("/plans");
    expect(answer).toContain("пришлите файл плана");
  });

  it("a stranger is told how to join", async () => {
    const stranger = w.t.user(77);
    await stranger.command("help");
    expect(text(stranger.lastMessage())).toContain("/start");
    expect(text(stranger.lastMessage())).not.toContain("/tasks");
  });
});
