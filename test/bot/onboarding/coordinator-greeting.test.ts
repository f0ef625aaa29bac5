// A coordinator's greeting says what they can do; only those over everything are told how to load a plan.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

describe("a coordinator's greeting", () => {
  it("tells an admin how to load a plan", async () => {
    const admin = w.t.user(ADMIN, { firstName: "Анна" });
    await admin.command("start");
    const greeting = text(admin.lastMessage());
    expect(greeting).toContain("/invite — пригласить исполнителя");
    expect(greeting).toContain("Чтобы загрузить план, пришлите его файл");
  });

  it("does not tell a district coordinator, who cannot publish plans", async () => {
    const district = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    await w.f.coordinator(9, district);
    const coordinator = w.t.user(9);
    await coordinator.command("start");
    const greeting = text(coordinator.lastMessage());
    expect(greeting).toContain("/invite — пригласить исполнителя");
    expect(greeting).not.toContain("загрузить план");
  });
});
