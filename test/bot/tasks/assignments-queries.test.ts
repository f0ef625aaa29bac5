import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import {
  confirmOngoing,
  loadAgenda,
  loadAssignment,
  markDone,
  setComment,
  undoDone,
} from "../../../db/queries/assignments.js";
import {
  loadReports,
  loadUnitCoordinators,
  saveReport,
  setPartLocalPath,
} from "../../../db/queries/reports.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";

let db: DB;
let f: AssignmentFixtures;
const AT = new Date("2021-10-25T07:00:00Z");

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  f = new AssignmentFixtures(db);
});
afterEach(async () => {
  await db.destroy();
});

async function audit() {
  return db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

describe("loadAgenda", () => {
  it("returns open assignments of the given units in published plans only, in plan order", async () => {
    const school = await f.unit("Школа № 5");
    const other = await f.unit("Школа № 7");
    const plan = await f.plan({ title: "НОК ДОД 2021" });
    const draft = await f.plan({ title: "Черновик", status: "draft" });
    const replaced = await f.plan({ title: "Старая версия", status: "replaced" });
    const second = await f.assignment({
      planId: plan,
      unitId: school,
      number: "2",
      title: "Второй",
      due: "2021-10-29",
    });
    const first = await f.assignment({
      planId: plan,
      unitId: school,
      number: "1",
      title: "Первый",
      result: "Протокол",
      start: "2021-10-01",
      due: "2021-10-08",
    });
    await f.assignment({ planId: plan, unitId: other, number: "3" });
    await f.assignment({ planId: draft, unitId: school });
    await f.assignment({ planId: replaced, unitId: school });
    await f.assignment({ planId: plan, unitId: school, status: "done", doneAt: "2021-10-20T10:00:00.000Z" });

    const agenda = await loadAgenda(db, [school]);
    expect(agenda.map((e) => e.assignmentId)).toEqual([second.assignmentId, first.assignmentId]);
    expect(agenda[1]).toMatchObject({
      planId: plan,
      planTitle: "НОК ДОД 2021",
      itemNumber: "1",
      itemTitle: "Первый",
      result: "Протокол",
      unitId: school,
      unitName: "Школа № 5",
      kind: "dated",
      start: "2021-10-01",
      due: "2021-10-08",
      status: "open",
      reviewState: "none",
      lastConfirmedOn: null,
    });
    expect(await loadAgenda(db, [])).toEqual([]);
    expect(await loadAgenda(db, [school], { includeDone: true })).toHaveLength(3);
    const since = await loadAgenda(db, [school], { doneSince: "2021-10-20T00:00:00.000Z" });
    expect(since.map((e) => e.status)).toEqual(["open", "open", "done"]);
    expect(await loadAgenda(db, [school], { doneSince: "2021-10-21T00:00:00.000Z" })).toHaveLength(2);
  });
});

describe("marks", () => {
  it("marks done once, undoes, comments and audits who acted for which unit", async () => {
    const school = await f.unit("Школа № 5");
    const { assignmentId: id } = await f.assignment({ unitId: school });
    expect(await markDone(db, id, { by: 42, at: AT })).toBe("done");
    expect(await markDone(db, id, { by: 43, at: AT })).toBe("already");
    let a = await loadAssignment(db, id);
    expect(a).toMatchObject({
      status: "done",
      doneBy: 42,
      doneAt: AT.toISOString(),
      planStatus: "published",
    });

    await setComment(db, id, { by: 42, at: AT, comment: "Письма отправлены 24.10" });
    expect((await loadAssignment(db, id))?.comment).toBe("Письма отправлены 24.10");

    expect(await undoDone(db, id, { by: 44, at: AT })).toBe("reopened");
    expect(await undoDone(db, id, { by: 44, at: AT })).toBe("not_done");
    a = await loadAssignment(db, id);
    expect(a).toMatchObject({ status: "open", doneBy: null, doneAt: null });

    const log = await audit();
    expect(
      log.map((l) => [l.action, Number(l.user_id), l.entity_id, JSON.parse(l.details_json).unitId]),
    ).toEqual([
      ["assignment.done", 42, String(id), school],
      ["assignment.comment", 42, String(id), school],
      ["assignment.undo", 44, String(id), school],
    ]);
    expect(await loadAssignment(db, 9999)).toBeNull();
  });

  it("confirms an ongoing item once a month", async () => {
    const school = await f.unit("Школа № 5");
    const { assignmentId: id } = await f.assignment({ unitId: school, kind: "continuous", due: null });
    expect(await confirmOngoing(db, id, { by: 42, at: AT, on: "2021-10-25" })).toBe("confirmed");
    expect(await confirmOngoing(db, id, { by: 42, at: AT, on: "2021-10-26" })).toBe("already");
    expect(await confirmOngoing(db, id, { by: 42, at: AT, on: "2021-11-01" })).toBe("confirmed");
    expect((await loadAssignment(db, id))?.lastConfirmedOn).toBe("2021-11-01");
    expect((await audit()).map((l) => l.action)).toEqual(["assignment.confirm", "assignment.confirm"]);
  });
});

describe("reports", () => {
  it("stores a report with its parts once, sets the review pending, and lists it", async () => {
    const school = await f.unit("Школа № 5");
    const { assignmentId } = await f.assignment({ unitId: school });
    const input = {
      assignmentId,
      userId: 42,
      text: "Письма отправлены",
      at: AT,
      parts: [
        {
          kind: "document" as const,
          telegramFileId: "F1",
          fileName: "pismo.pdf",
          mimeType: "application/pdf",
          size: 245760,
        },
        { kind: "link" as const, text: "https://example.org/a" },
      ],
    };
    const saved = await db.transaction().execute((trx) => saveReport(trx, input));
    expect(saved.created).toBe(true);
    // A replayed dialogue step stores nothing new.
    const again = await db.transaction().execute((trx) => saveReport(trx, input));
    expect(again).toMatchObject({ reportId: saved.reportId, created: false });
    await setPartLocalPath(db, saved.parts[0]?.id as number, `/files/${saved.reportId}/pismo.pdf`);

    const reports = await loadReports(db, assignmentId);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      id: saved.reportId,
      userId: 42,
      text: "Письма отправлены",
      reviewState: "pending",
      parts: [
        {
          kind: "document",
          telegramFileId: "F1",
          fileName: "pismo.pdf",
          size: 245760,
          localPath: `/files/${saved.reportId}/pismo.pdf`,
        },
        { kind: "link", text: "https://example.org/a", telegramFileId: null, localPath: null },
      ],
    });
    expect((await loadAssignment(db, assignmentId))?.reviewState).toBe("pending");
    expect((await audit()).map((l) => [l.action, JSON.parse(l.details_json).unitId])).toEqual([
      ["report.create", school],
    ]);
  });

  it("finds the coordinators of a unit: admins, whole-deployment and ancestor scopes, once each", async () => {
    const district = await f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const school = await f.unit("Школа № 5", { parentId: district });
    const elsewhere = await f.unit("Кимрский район", { role: "Муниципальные организаторы" });
    await f.user(1, { isAdmin: true, language: "en" });
    await f.coordinator(1, null);
    await f.coordinator(2, district);
    await f.coordinator(3, elsewhere);
    await f.coordinator(4, null);
    await f.coordinator(5, school);
    await f.coordinator(6, district);
    await db
      .updateTable("coordinator_scopes")
      .set({ revoked_at: AT.toISOString() })
      .where("user_id", "=", 6)
      .execute();
    const got = await loadUnitCoordinators(db, school);
    expect(got.sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, language: "en" },
      { id: 2, language: "ru" },
      { id: 4, language: "ru" },
      { id: 5, language: "ru" },
    ]);
    expect((await loadUnitCoordinators(db, elsewhere)).map((c) => c.id).sort()).toEqual([1, 3, 4]);
  });
});
