import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAssignment } from "../../../db/queries/assignments.js";
import { loadReports } from "../../../db/queries/reports.js";
import { type FeatureWorld, lastAnswer, startFeatureWorld } from "../tasks/feature-setup.js";

let w: FeatureWorld;
const MEMBER = 100;
const COORD = 500;
const OTHER_COORD = 501;
const ADMIN = 502;
let id: number;

beforeEach(async () => {
  w = await startFeatureWorld("2021-10-25T06:00:00Z");
  const district = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
  const school = await w.f.unit("Школа № 5", { parentId: district });
  const elsewhere = await w.f.unit("Кимрский район", { role: "Муниципальные организаторы" });
  await w.f.member(MEMBER, school);
  await w.f.coordinator(COORD, district);
  await w.f.coordinator(OTHER_COORD, elsewhere);
  await w.f.user(ADMIN, { isAdmin: true });
  await w.db
    .updateTable("users")
    .set({ first_name: "Ирина", last_name: "Петрова" })
    .where("id", "=", MEMBER)
    .execute();
  id = (
    await w.f.assignment({
      unitId: school,
      number: "3",
      title: "Отправка информационных писем",
      result: "Протокол заседания",
      due: "2021-10-08",
    })
  ).assignmentId;
  w.fake.user(MEMBER, { first_name: "Ирина", last_name: "Петрова" });
});
afterEach(async () => {
  await w.close();
});

const pdf = new TextEncoder().encode("%PDF-1.4 письмо в ОМСУ");

async function openReport() {
  await w.fake.sendCommand(MEMBER, "tasks");
  await w.press(MEMBER, w.last(MEMBER), "📎 3");
}

describe("the report dialogue", () => {
  it("takes a document and a link, confirms, stores, tells the coordinators once, then offers done", async () => {
    await openReport();
    expect(w.last(MEMBER).text).toBe(
      [
        "📎 Отчёт по пункту 3 «Отправка информационных писем»",
        "План ожидает: протокол заседания.",
        "Пришлите файлы, фото, ссылку или текст — можно несколько. /cancel — отменить.",
      ].join("\n"),
    );
    await w.fake.sendDocument(MEMBER, {
      fileName: "pismo_omsu.pdf",
      bytes: pdf,
      mimeType: "application/pdf",
    });
    expect(w.last(MEMBER).text).toBe(`Получено: pismo_omsu.pdf (${pdf.byteLength} Б). Ещё что-нибудь?`);
    await w.fake.sendText(MEMBER, "https://disk.example.org/protocol");
    expect(w.last(MEMBER).text).toBe("Получено: https://disk.example.org/protocol. Ещё что-нибудь?");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    expect(w.last(MEMBER).text).toBe("Отправить отчёт по пункту 3? 1 файл, 1 ссылка.");
    expect(await loadReports(w.db, id)).toEqual([]);
    await w.press(MEMBER, w.last(MEMBER), "Отправить");
    expect(w.last(MEMBER).text).toBe("Отчёт отправлен координатору. Отметить пункт 3 выполненным?");

    const [report] = await loadReports(w.db, id);
    expect(report?.parts.map((p) => [p.kind, p.fileName ?? p.text])).toEqual([
      ["document", "pismo_omsu.pdf"],
      ["link", "https://disk.example.org/protocol"],
    ]);
    const path = join(w.filesDir, String(report?.id), "pismo_omsu.pdf");
    expect(report?.parts[0]?.localPath).toBe(path);
    expect(readFileSync(path)).toEqual(Buffer.from(pdf));
    expect((await loadAssignment(w.db, id))?.reviewState).toBe("pending");

    // One message to each coordinator whose scope covers the unit, and to the admin; none elsewhere.
    expect(w.fake.botMessages(COORD)).toHaveLength(1);
    expect(w.fake.botMessages(ADMIN)).toHaveLength(1);
    expect(w.fake.botMessages(OTHER_COORD)).toHaveLength(0);
    expect(w.fake.lastBotMessage(COORD)?.text).toBe(
      [
        "📎 Новый отчёт: Школа № 5 · пункт 3 «Отправка информационных писем»",
        "НОК ДОД 2021",
        "От: Ирина Петрова",
        `1 файл: pismo_omsu.pdf (${pdf.byteLength} Б)`,
        "https://disk.example.org/protocol",
      ].join("\n"),
    );

    await w.press(MEMBER, w.last(MEMBER), "✅ Да, выполнено");
    expect(lastAnswer(w.fake)).toBe("✅ Пункт 3 выполнен.");
    expect((await loadAssignment(w.db, id))?.status).toBe("done");
    const last = w.last(MEMBER);
    expect(last.text).toContain("✅ 3. Отправка информационных писем — выполнено");
    expect(
      w.fake
        .buttons(last)
        .flat()
        .map((b) => b.text),
    ).toEqual(["↩ 3", "💬 3"]);
    const actions = await w.db.selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["report.create", "report.notify", "assignment.done"]);
  });

  it("answers a sticker with the hint, refuses a file over 20 MB, and «Позже» just closes", async () => {
    await openReport();
    await w.fake.sendUpdate({
      message: {
        message_id: 9000,
        date: 1635141600,
        chat: { id: MEMBER, type: "private", first_name: "Ирина" },
        from: { id: MEMBER, is_bot: false, first_name: "Ирина" },
        sticker: {
          file_id: "S1",
          file_unique_id: "S1u",
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
    });
    expect(w.last(MEMBER).text).toBe(
      "Жду файл, фото, ссылку или текст отчёта. Закончить — «Готово», отменить — /cancel.",
    );
    await w.fake.sendDocument(MEMBER, { fileName: "video.mp4", bytes: new Uint8Array(20 * 1024 * 1024 + 1) });
    expect(w.last(MEMBER).text).toBe(
      "Файл video.mp4 больше 20 МБ (20 МБ): бот не может принять такой. Сожмите его или пришлите ссылку на облако.",
    );
    await w.fake.sendPhoto(MEMBER, { bytes: new Uint8Array(2048) });
    expect(w.last(MEMBER).text).toBe("Получено: фото (2 КБ). Ещё что-нибудь?");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    expect(w.last(MEMBER).text).toBe("Отправить отчёт по пункту 3? 1 фото.");
    await w.press(MEMBER, w.last(MEMBER), "Отправить");
    const [report] = await loadReports(w.db, id);
    expect(report?.parts.map((p) => p.kind)).toEqual(["photo"]);
    expect(existsSync(join(w.filesDir, String(report?.id), "photo-1.jpg"))).toBe(true);
    await w.press(MEMBER, w.last(MEMBER), "Позже");
    expect(lastAnswer(w.fake)).toBe("Хорошо. Отметить можно в /tasks.");
    expect(w.fake.buttons(w.last(MEMBER))).toEqual([]);
    expect((await loadAssignment(w.db, id))?.status).toBe("open");
  });

  it("asks for something before «Готово», adds more after the question, and cancels on /cancel", async () => {
    await openReport();
    await w.press(MEMBER, w.last(MEMBER), "Отменить");
    expect(w.last(MEMBER).text).toBe("Отчёт отменён, ничего не отправлено.");
    await w.press(MEMBER, w.fake.botMessages(MEMBER).at(-2) ?? w.last(MEMBER), "Отменить");
    expect(lastAnswer(w.fake)).toBe("Этот отчёт уже закончен. Начать новый — кнопка 📎 в /tasks.");

    await w.fake.pressButton(MEMBER, 1, `a:rep:${id}`);
    await w.fake.sendText(MEMBER, "Письма отправлены 20.10");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    await w.press(MEMBER, w.last(MEMBER), "Добавить ещё");
    expect(w.last(MEMBER).text).toBe("Пришлите ещё файлы, фото, ссылку или текст. Закончить — «Готово».");
    await w.fake.sendDocument(MEMBER, { fileName: "a.pdf", bytes: pdf });
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    expect(w.last(MEMBER).text).toBe("Отправить отчёт по пункту 3? 1 файл, текст.");
    await w.fake.sendCommand(MEMBER, "cancel");
    await w.fake.sendText(MEMBER, "после отмены");
    expect(await loadReports(w.db, id)).toEqual([]);
    expect(w.fake.botMessages(COORD)).toHaveLength(0);
  });

  it("lets other buttons work in the middle of the dialogue, which then goes on", async () => {
    await openReport();
    const list = w.fake.botMessages(MEMBER)[0];
    await w.fake.sendText(MEMBER, "Письма отправлены");
    await w.fake.pressButton(MEMBER, list?.message_id ?? 1, `a:done:${id}`);
    expect(lastAnswer(w.fake)).toBe("✅ Пункт 3 выполнен.");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    await w.press(MEMBER, w.last(MEMBER), "Отправить");
    expect(w.last(MEMBER).text).toBe("Отчёт отправлен координатору. Пункт 3 уже отмечен выполненным.");
    const [report] = await loadReports(w.db, id);
    expect(report?.text).toBe("Письма отправлены");
  });

  it("queues the notice in the outbox when Telegram is busy, and records a coordinator who blocked the bot", async () => {
    w.fake.failNext("sendMessage", { type: "429", retryAfter: 120 }, 1, COORD);
    w.fake.blockChat(ADMIN);
    await openReport();
    await w.fake.sendText(MEMBER, "https://disk.example.org/p");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    await w.press(MEMBER, w.last(MEMBER), "Отправить");
    expect(w.last(MEMBER).text).toBe("Отчёт отправлен координатору. Отметить пункт 3 выполненным?");
    const [report] = await loadReports(w.db, id);
    const queued = await w.db.selectFrom("outbox").selectAll().execute();
    expect(queued.map((r) => [r.idem_key, Number(r.chat_id), r.kind, r.status])).toEqual([
      [`report:${report?.id}:${COORD}`, COORD, "notice", "pending"],
    ]);
    expect(JSON.parse(queued[0]?.payload_json ?? "{}").text).toContain("📎 Новый отчёт: Школа № 5 · пункт 3");
    const notice = await w.db
      .selectFrom("audit_log")
      .select("details_json")
      .where("action", "=", "report.notify")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(notice.details_json)).toEqual({ told: [], queued: [COORD], failed: [ADMIN] });
  });
});

describe("a recurring item's occurrence", () => {
  it("is named by its due date in the dialogue and in the coordinator's notice", async () => {
    const { unitId } = (await loadAssignment(w.db, id)) as { unitId: number };
    await w.db.deleteFrom("assignments").where("id", "=", id).execute();
    const first = await w.f.assignment({
      unitId,
      number: "16",
      title: "Обсуждение результатов НОКО",
      kind: "recurring",
      due: "2021-09-30",
    });
    await w.f.assignment({ itemId: first.itemId, unitId, kind: "recurring", due: "2021-12-31" });
    await w.fake.sendCommand(MEMBER, "tasks");
    await w.press(MEMBER, w.last(MEMBER), "📎 16 · 31.12");
    expect(w.last(MEMBER).text).toContain("Срок: 31.12.");
    await w.fake.sendText(MEMBER, "Провели совещание");
    await w.press(MEMBER, w.last(MEMBER), "Готово");
    await w.press(MEMBER, w.last(MEMBER), "Отправить");
    expect(w.last(COORD).text).toContain("Срок: 31.12.");
  });
});
