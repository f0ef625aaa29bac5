// A coordinator's list of units (CSV/XLSX: role, unit, parent), uploaded after /units →
// «Загрузить список» (that explicit step is how a units list is told apart from a plan file: a
// document sent without it goes to the plan upload). Every readable row is created or recognised
// in one transaction, each unit gets an invite link, and the answer is an .xlsx of the links
// (role, unit, parent, link, expires) with a summary: created, already there, problems and why.
import ExcelJS from "exceljs";
import { InputFile } from "grammy";
import type { Transaction } from "kysely";
import { DateTime } from "luxon";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { createInvite } from "../../../../db/queries/invites.js";
import { addUnitAssignments } from "../../../../db/queries/publish.js";
import { createRole, createUnit, listRoles, listUnits } from "../../../../db/queries/units.js";
import type { Database } from "../../../../db/schema.js";
import { type Actor, isCoordinator } from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import type { Translate } from "../../../domain/text/translate.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext } from "../../context.js";
import { currentActor, userZone } from "../../reader.js";
import { deepLink } from "../onboarding/invites-screens.js";
import { type PlannedRow, planUnitsList } from "./plan-list.js";
import { MAX_LIST_BYTES, readUnitsList } from "./read-list.js";

export interface LinkRow {
  line: number;
  role: string;
  unit: string;
  parent: string;
  token: string;
  expiresAt: string;
  status: "created" | "existing";
  note: "parent_differs" | null;
}

export interface BulkResult {
  links: LinkRow[];
  problems: Extract<PlannedRow, { kind: "problem" }>[];
  newRoles: string[];
  rows: number;
}

/** Creates what the plan says, and one invite per unit (new or existing), in `trx`. */
export async function applyUnitsPlan(
  trx: Transaction<Database>,
  plans: PlannedRow[],
  e: { actor: Actor; at: Date },
): Promise<BulkResult> {
  const roleIds = new Map<string, number>();
  const newRoles: string[] = [];
  const unitOfLine = new Map<number, number>();
  const parentNameOfLine = new Map<number, string>();
  const created = plans
    .filter((p): p is Extract<PlannedRow, { kind: "create" }> => p.kind === "create")
    .sort((a, b) => a.depth - b.depth || a.row.line - b.row.line);
  for (const p of created) {
    let roleId = p.roleId;
    if (roleId === null) {
      const key = p.roleName.toLocaleLowerCase("ru");
      roleId = roleIds.get(key) ?? null;
      if (roleId === null) {
        const role = await createRole(trx, { name: p.roleName, by: e.actor.userId, at: e.at });
        roleIds.set(key, role.id);
        newRoles.push(role.name);
        roleId = role.id;
      }
    }
    const parentUnitId =
      p.parent === null
        ? null
        : "unitId" in p.parent
          ? p.parent.unitId
          : (unitOfLine.get(p.parent.line) ?? null);
    const unitId = await createUnit(trx, {
      roleId,
      name: p.row.unit,
      parentUnitId,
      by: e.actor.userId,
      at: e.at,
    });
    await addUnitAssignments(trx, unitId, e.at);
    unitOfLine.set(p.row.line, unitId);
    parentNameOfLine.set(p.row.line, p.row.parent);
  }
  const links: LinkRow[] = [];
  for (const p of plans) {
    if (p.kind === "problem") continue;
    const unitId = p.kind === "create" ? (unitOfLine.get(p.row.line) as number) : p.unit.id;
    const invite = await createInvite(trx, { kind: "executor", unitId, createdBy: e.actor.userId, at: e.at });
    links.push({
      line: p.row.line,
      role: p.kind === "create" ? p.roleName : p.unit.roleName,
      unit: p.kind === "create" ? p.row.unit : p.unit.name,
      parent: p.kind === "create" ? p.row.parent : (p.unit.parentName ?? ""),
      token: invite.token,
      expiresAt: invite.expiresAt.toISOString(),
      status: p.kind === "create" ? "created" : "existing",
      note: p.kind === "existing" && p.parentDiffers ? "parent_differs" : null,
    });
  }
  return {
    links,
    problems: plans.filter((p): p is Extract<PlannedRow, { kind: "problem" }> => p.kind === "problem"),
    newRoles,
    rows: plans.length,
  };
}

/** The answer file: one row per unit with its invite link; a second sheet lists the problems. */
export async function invitesWorkbook(
  result: BulkResult,
  botUsername: string,
  t: Translate,
  formatDate: (iso: string) => string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t("units-xlsx-sheet"));
  sheet.columns = [
    { header: t("units-xlsx-role"), key: "role", width: 32 },
    { header: t("units-xlsx-unit"), key: "unit", width: 36 },
    { header: t("units-xlsx-parent"), key: "parent", width: 30 },
    { header: t("units-xlsx-link"), key: "link", width: 60 },
    { header: t("units-xlsx-expires"), key: "expires", width: 16 },
    { header: t("units-xlsx-status"), key: "status", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const l of result.links) {
    const link = deepLink(botUsername, l.token);
    sheet.addRow({
      role: l.role,
      unit: l.unit,
      parent: l.parent,
      link: { text: link, hyperlink: link },
      expires: formatDate(l.expiresAt),
      status: t(l.note ? "units-xlsx-existing-parent-differs" : `units-xlsx-${l.status}`),
    });
  }
  if (result.problems.length > 0) {
    const bad = wb.addWorksheet(t("units-xlsx-problems-sheet"));
    bad.columns = [
      { header: t("units-xlsx-line"), key: "line", width: 8 },
      { header: t("units-xlsx-role"), key: "role", width: 32 },
      { header: t("units-xlsx-unit"), key: "unit", width: 36 },
      { header: t("units-xlsx-parent"), key: "parent", width: 30 },
      { header: t("units-xlsx-why"), key: "why", width: 60 },
    ];
    bad.getRow(1).font = { bold: true };
    for (const p of result.problems)
      bad.addRow({
        line: p.row.line,
        role: p.row.role,
        unit: p.row.unit,
        parent: p.row.parent,
        why: problemText(p, t),
      });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function problemText(p: Extract<PlannedRow, { kind: "problem" }>, t: Translate): string {
  return t(`units-problem-${p.code}`, { ref: p.ref ?? 0, parent: p.row.parent });
}

const SHOWN_PROBLEMS = 10;

/** The summary message: counts, the first problems, where the links are. */
export function summaryText(result: BulkResult, t: Translate): string {
  const created = result.links.filter((l) => l.status === "created").length;
  const existing = result.links.length - created;
  const lines = [
    t("units-summary-title", { rows: result.rows }),
    t("units-summary-counts", { created, existing, problems: result.problems.length }),
  ];
  if (result.newRoles.length > 0)
    lines.push(
      t("units-summary-new-roles", { roles: result.newRoles.map((r) => `«${escapeHtml(r)}»`).join(", ") }),
    );
  const differs = result.links.filter((l) => l.note === "parent_differs").length;
  if (differs > 0) lines.push(t("units-summary-parent-differs", { count: differs }));
  if (result.problems.length > 0) {
    lines.push("");
    for (const p of result.problems.slice(0, SHOWN_PROBLEMS))
      lines.push(t("units-summary-problem", { line: p.row.line, why: escapeHtml(problemText(p, t)) }));
    if (result.problems.length > SHOWN_PROBLEMS)
      lines.push(t("units-summary-more-problems", { count: result.problems.length - SHOWN_PROBLEMS }));
  }
  lines.push("");
  lines.push(t(result.links.length > 0 ? "units-summary-file" : "units-summary-no-file"));
  return lines.join("\n");
}

/** Downloads a file the user sent, through the configured Bot API root. */
async function download(ctx: BotContext, fileId: string): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  const url = `${ctx.app.deps.config.botApiRoot}/file/bot${ctx.api.token}/${file.file_path}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Handles the uploaded list (the update's document). True when the dialogue is over; false when
 * the file could not be read and another one is awaited.
 */
export async function handleUnitsFile(ctx: BotContext): Promise<boolean> {
  const doc = ctx.message?.document;
  if (!doc) return false;
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) {
    await ctx.reply(ctx.t("onboarding-coordinators-only"));
    return true;
  }
  if ((doc.file_size ?? 0) > MAX_LIST_BYTES) {
    await ctx.reply(ctx.t("units-file-too_large"));
    return false;
  }
  const read = await readUnitsList(await download(ctx, doc.file_id));
  if (!read.ok) {
    await ctx.reply(ctx.t(`units-file-${read.reason}`), { parse_mode: "HTML" });
    return false;
  }
  const { db, clock } = ctx.app.deps;
  const world = { roles: await listRoles(db), units: await listUnits(db), tree: await loadUnitTree(db) };
  const plans = planUnitsList(read.rows, world, actor);
  const now = clock();
  const r = await applyOnce(ctx, (trx) => applyUnitsPlan(trx, plans, { actor, at: now }));
  if (!r.applied) {
    await ctx.reply(ctx.t("units-file-already"));
    return true;
  }
  const zone = userZone(ctx);
  await ctx.reply(summaryText(r.value, ctx.t), { parse_mode: "HTML" });
  if (r.value.links.length > 0 || r.value.problems.length > 0) {
    const fmt = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat("dd.MM.yyyy");
    const bytes = await invitesWorkbook(r.value, ctx.me.username, ctx.t, fmt);
    const day = now.toISOString().slice(0, 10);
    await ctx.replyWithDocument(new InputFile(bytes, `srok-invites-${day}.xlsx`));
  }
  return true;
}
