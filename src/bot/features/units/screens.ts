// Screens of /units: roles with their units in the coordinator's scope, a unit's card, the
// parent picker. They read the database and build a message; they change nothing.
import type { InlineKeyboardButton } from "grammy/types";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { countMembersByUnit, listUnitMembers } from "../../../../db/queries/memberships.js";
import { getUnit, listRoles } from "../../../../db/queries/units.js";
import { type Actor, coordinatesEverything, subtreeOf } from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { personName } from "../../../domain/text/person-name.js";
import type { BaseContext } from "../../context.js";
import { coordinatedUnits } from "../../reader.js";
import { label, pagerRow, paginate, type Screen } from "../../screen.js";
import { onboardingData } from "../onboarding/callback-data.js";
import { optionsData } from "../onboarding/invites-screens.js";
import { unitPickerRows } from "./unit-picker.js";

const PAGE = 8;
const UNITS_PAGE = 10;

function uploadRow(ctx: BaseContext): InlineKeyboardButton[] {
  return [{ text: ctx.t("units-btn-upload"), callback_data: onboardingData({ t: "un.file" }) }];
}

/** /units: each role with how many of its units are in the actor's scope. */
export async function unitsRolesScreen(ctx: BaseContext, actor: Actor, page: number): Promise<Screen> {
  const units = await coordinatedUnits(ctx, actor);
  const roles = (await listRoles(ctx.app.deps.db)).map((r) => ({
    ...r,
    count: units.filter((u) => u.roleId === r.id).length,
  }));
  if (roles.length === 0)
    return { text: ctx.t("units-no-roles"), reply_markup: { inline_keyboard: [uploadRow(ctx)] } };
  const p = paginate(roles, page, PAGE);
  const lines = [ctx.t("units-title", { count: units.length }), ""];
  for (const r of p.items) lines.push(`• ${escapeHtml(r.name)} — ${r.count}`);
  const rows: InlineKeyboardButton[][] = p.items.map((r) => [
    { text: label(r.name), callback_data: onboardingData({ t: "un.up", role: r.id, page: 0 }) },
  ]);
  const pager = pagerRow(p, (n) => onboardingData({ t: "un.rp", page: n }));
  if (pager.length) rows.push(pager);
  rows.push(uploadRow(ctx));
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: rows } };
}

/** A role's units in the actor's scope, numbered, with who they belong to and how many are linked. */
export async function unitsOfRoleScreen(
  ctx: BaseContext,
  actor: Actor,
  roleId: number,
  page: number,
): Promise<Screen | null> {
  const role = (await listRoles(ctx.app.deps.db)).find((r) => r.id === roleId);
  if (!role) return null;
  const units = (await coordinatedUnits(ctx, actor)).filter((u) => u.roleId === roleId);
  const members = await countMembersByUnit(ctx.app.deps.db);
  const p = paginate(units, page, UNITS_PAGE);
  const lines = [ctx.t("units-role-title", { role: escapeHtml(role.name), count: units.length })];
  if (units.length === 0) lines.push(ctx.t("units-role-empty"));
  const rows: InlineKeyboardButton[][] = [];
  for (const [i, u] of p.items.entries()) {
    const parent = u.parentName ? ` · ${ctx.t("units-in", { parent: escapeHtml(u.parentName) })}` : "";
    const people = ctx.t("units-people", { count: members.get(u.id) ?? 0 });
    lines.push(`${p.offset + i + 1}. ${escapeHtml(u.name)}${parent} · ${people}`);
    rows.push([
      {
        text: label(`${p.offset + i + 1}. ${u.name}`),
        callback_data: onboardingData({ t: "un.u", unit: u.id }),
      },
    ]);
  }
  const pager = pagerRow(p, (n) => onboardingData({ t: "un.up", role: roleId, page: n }));
  if (pager.length) rows.push(pager);
  rows.push([
    { text: ctx.t("units-btn-add"), callback_data: onboardingData({ t: "un.add", role: roleId }) },
    { text: ctx.t("units-btn-roles"), callback_data: onboardingData({ t: "un.rp", page: 0 }) },
  ]);
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: rows } };
}

/** One unit: role, parent, linked people; rename, move, invite. Null when it is gone. */
export async function unitCardScreen(ctx: BaseContext, unitId: number): Promise<Screen | null> {
  const { db } = ctx.app.deps;
  const unit = await getUnit(db, unitId);
  if (!unit || unit.archived) return null;
  const people = await listUnitMembers(db, unitId);
  const lines = [
    `🏢 <b>${escapeHtml(unit.name)}</b>`,
    ctx.t("units-card-role", { role: escapeHtml(unit.roleName) }),
    unit.parentName
      ? ctx.t("units-card-parent", { parent: escapeHtml(unit.parentName) })
      : ctx.t("units-card-no-parent"),
    ctx.t("units-card-people", { count: people.length }),
  ];
  for (const m of people.slice(0, 10))
    lines.push(
      `• ${escapeHtml(personName({ first_name: m.firstName, last_name: m.lastName, username: m.username }, `id ${m.userId}`))}`,
    );
  if (people.length > 10) lines.push(ctx.t("units-and-more", { count: people.length - 10 }));
  return {
    text: lines.join("\n"),
    reply_markup: {
      inline_keyboard: [
        [
          { text: ctx.t("units-btn-rename"), callback_data: onboardingData({ t: "un.ren", unit: unitId }) },
          {
            text: ctx.t("units-btn-parent"),
            callback_data: onboardingData({ t: "un.pp", unit: unitId, page: 0 }),
          },
        ],
        [{ text: ctx.t("units-btn-invite"), callback_data: optionsData("e", unitId) }],
        [
          {
            text: ctx.t("units-btn-list"),
            callback_data: onboardingData({ t: "un.up", role: unit.roleId, page: 0 }),
          },
        ],
      ],
    },
  };
}

/** Which unit this one belongs to: the actor's units outside this unit's own subtree. */
export async function parentPickerScreen(
  ctx: BaseContext,
  actor: Actor,
  unitId: number,
  page: number,
): Promise<Screen | null> {
  const unit = await getUnit(ctx.app.deps.db, unitId);
  if (!unit || unit.archived) return null;
  const own = subtreeOf([unitId], await loadUnitTree(ctx.app.deps.db));
  const candidates = (await coordinatedUnits(ctx, actor)).filter((u) => !own.has(u.id));
  const rows = unitPickerRows(paginate(candidates, page, PAGE), {
    none: coordinatesEverything(actor)
      ? {
          text: ctx.t("units-btn-no-parent"),
          callback_data: onboardingData({ t: "un.sp", unit: unitId, parent: 0 }),
        }
      : null,
    pick: (parent) => onboardingData({ t: "un.sp", unit: unitId, parent }),
    pageData: (n) => onboardingData({ t: "un.pp", unit: unitId, page: n }),
    back: { text: ctx.t("units-btn-back"), callback_data: onboardingData({ t: "un.u", unit: unitId }) },
  });
  return {
    text: ctx.t("units-pick-parent", { unit: escapeHtml(unit.name) }),
    reply_markup: { inline_keyboard: rows },
  };
}

/** /units → role → «Добавить» for a scoped coordinator: the new unit must go under one of theirs. */
export async function addParentScreen(
  ctx: BaseContext,
  actor: Actor,
  roleId: number,
  page: number,
): Promise<Screen | null> {
  const role = (await listRoles(ctx.app.deps.db)).find((r) => r.id === roleId);
  if (!role) return null;
  const units = await coordinatedUnits(ctx, actor);
  const rows = unitPickerRows(paginate(units, page, PAGE), {
    none: coordinatesEverything(actor)
      ? {
          text: ctx.t("units-btn-no-parent"),
          callback_data: onboardingData({ t: "un.an", role: roleId, parent: 0 }),
        }
      : null,
    pick: (parent) => onboardingData({ t: "un.an", role: roleId, parent }),
    pageData: (n) => onboardingData({ t: "un.ap", role: roleId, page: n }),
    back: {
      text: ctx.t("units-btn-back"),
      callback_data: onboardingData({ t: "un.up", role: roleId, page: 0 }),
    },
  });
  return {
    text: ctx.t("units-add-parent", { role: escapeHtml(role.name) }),
    reply_markup: { inline_keyboard: rows },
  };
}
