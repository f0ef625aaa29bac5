// What someone gets for a message or command no feature takes: a linked user is pointed to
// /tasks, a stranger to joining (an invite link or /start to ask for access).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

describe("hints for what no feature takes", () => {
  it("a stranger's text and unknown command point to joining, not to /tasks", async () => {
    const stranger = w.t.user(7, { firstName: "Вася" });
    await stranger.send("здравствуйте, подключите меня");
    expect(text(stranger.lastMessage())).toContain("/start");
    expect(text(stranger.lastMessage())).not.toContain("/tasks");
    await stranger.command("help");
    expect(text(stranger.lastMessage())).toContain("/start");
    expect(text(stranger.lastMessage())).not.toContain("/tasks");
    expect(w.t.errors).toEqual([]);
  });

  it("an executor's text still points to /tasks", async () => {
    const school = await w.f.unit("Школа № 5", { role: "Руководители ОО" });
    await w.f.member(8, school);
    const member = w.t.user(8);
    await member.send("привет");
    expect(text(member.lastMessage())).toContain("/tasks");
  });
});
