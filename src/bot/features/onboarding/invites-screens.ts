// Screens of /invite and /invites (pure-ish: read the database, build a message; change nothing).
import type { InlineKeyboardButton } from "grammy/types";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { listActiveInvites } from "../../../../db/queries/invites.js";
import { getUnit, listRoles, type UnitInfo, unitTitle } from "../../../../db/queries/units.js";
import type { InviteRow } from "../../../../db/schema.js";
import { type Actor, canCoordinateUnit, coordinatesEverything } from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import type { BaseContext } from "../../context.js";
import { coordinatedUnits, localShortDate, userLocale, userZone } from "../../reader.js";
import { label, pagerRow, paginate, type Screen } from "../../screen.js";
import { unitPickerRows } from "../units/unit-picker.js";
import { INVITE_DAYS, INVITE_USES, onboardingData } from "./callback-data.js";

const PAGE = 8;
const LIST_PAGE = 5;

/** /invite: which role (or a coordinator). */
export async function inviteRolesScreen(ctx: BaseContext, actor: Actor, page: number): Promise<Screen> {
  const units = await coordinatedUnits(ctx, actor);
  const roles = (await listRoles(ctx.app.deps.db)).map((r) => ({
    ...r,
    count: units.filter((u) => u.roleId === r.id).length,
  }));
  const coordinatorRow: InlineKeyboardButton[] = [
    { text: ctx.t("invites-btn-coordinator"), callback_data: onboardingData({ t: "iv.co", page: 0 }) },
  ];
  if (roles.length === 0) {
    return { text: ctx.t("invites-no-roles"), reply_markup: { inline_keyboard: [coordinatorRow] } };
  }
  const p = paginate(roles, page, PAGE);
  const rows: InlineKeyboardButton[][] = p.items.map((r) => [
    {
      text: `${label(r.name)} (${r.count})`,
      callback_data: onboardingData({ t: "iv.up", role: r.id, page: 0 }),
    },
  ]);
  const pager = pagerRow(p, (n) => onboardingData({ t: "iv.rp", page: n }));
  if (pager.length) rows.push(pager);
  rows.push(coordinatorRow);
  return { text: ctx.t("invites-pick-role"), reply_markup: { inline_keyboard: rows } };
}

/** /invite → a role: its units in the actor's scope, and «Новый». */
export async function inviteUnitsScreen(
  ctx: BaseContext,
  actor: Actor,
  roleId: number,
  page: number,
): Promise<Screen | null> {
  const role = (await listRoles(ctx.app.deps.db)).find((r) => r.id === roleId);
  if (!role) return null;
  const units = (await coordinatedUnits(ctx, actor)).filter((u) => u.roleId === roleId);
  const p = paginate(units, page, PAGE);
  const rows: InlineKeyboardButton[][] = p.items.map((u) => [
    { text: label(u.name), callback_data: optionsData("e", u.id) },
  ]);
  const pager = pagerRow(p, (n) => onboardingData({ t: "iv.up", role: roleId, page: n }));
  if (pager.length) rows.push(pager);
  rows.push([
    {
      text: ctx.t("invites-btn-new-unit"),
      callback_data: onboardingData({ t: "iv.np", role: roleId, page: 0 }),
    },
    { text: ctx.t("invites-btn-roles"), callback_data: onboardingData({ t: "iv.rp", page: 0 }) },
  ]);
  const key = units.length === 0 ? "invites-pick-unit-empty" : "invites-pick-unit";
  return { text: ctx.t(key, { role: escapeHtml(role.name) }), reply_markup: { inline_keyboard: rows } };
}

/** Units a new unit may be put under: the actor's units, plus «none» for a whole-deployment one. */
export async function parentChoices(
  ctx: BaseContext,
  actor: Actor,
  exclude: ReadonlySet<number> = new Set(),
) {
  const units = (await coordinatedUnits(ctx, actor)).filter((u) => !exclude.has(u.id));
  return { units, allowNone: coordinatesEverything(actor) };
}

/** May the actor create a unit of this role under this parent (0: none)? */
export async function mayCreateUnder(ctx: BaseContext, actor: Actor, roleId: number, parent: number) {
  const { db } = ctx.app.deps;
  if (!(await listRoles(db)).some((r) => r.id === roleId)) return false;
  if (parent === 0) return coordinatesEverything(actor);
  const unit = await getUnit(db, parent);
  return !!unit && !unit.archived && canCoordinateUnit(actor, parent, await loadUnitTree(db));
}

/** /invite → role → «Новый»: where the new unit belongs. Null when the role is gone. */
export async function newUnitParentScreen(
  ctx: BaseContext,
  actor: Actor,
  roleId: number,
  page: number,
): Promise<Screen | null> {
  const role = (await listRoles(ctx.app.deps.db)).find((r) => r.id === roleId);
  if (!role) return null;
  const { units, allowNone } = await parentChoices(ctx, actor);
  const rows = unitPickerRows(paginate(units, page, PAGE), {
    none: allowNone
      ? {
          text: ctx.t("invites-btn-no-parent"),
          callback_data: onboardingData({ t: "iv.nn", role: roleId, parent: 0 }),
        }
      : null,
    pick: (unit) => onboardingData({ t: "iv.nn", role: roleId, parent: unit }),
    pageData: (n) => onboardingData({ t: "iv.np", role: roleId, page: n }),
    back: {
      text: ctx.t("invites-btn-back"),
      callback_data: onboardingData({ t: "iv.up", role: roleId, page: 0 }),
    },
  });
  return {
    text: ctx.t("invites-new-parent", { role: escapeHtml(role.name) }),
    reply_markup: { inline_keyboard: rows },
  };
}

/** /invite → «Координатора»: over everything (whole-deployment coordinators only) or a unit. */
export async function coordinatorScopeScreen(ctx: BaseContext, actor: Actor, page: number): Promise<Screen> {
  const { units, allowNone } = await parentChoices(ctx, actor);
  const rows = unitPickerRows(paginate(units, page, PAGE), {
    none: allowNone ? { text: ctx.t("invites-btn-scope-all"), callback_data: optionsData("c", 0) } : null,
    pick: (unit) => optionsData("c", unit),
    pageData: (n) => onboardingData({ t: "iv.co", page: n }),
    back: { text: ctx.t("invites-btn-roles"), callback_data: onboardingData({ t: "iv.rp", page: 0 }) },
  });
  return { text: ctx.t("invites-pick-scope"), reply_markup: { inline_keyboard: rows } };
}

export function optionsData(k: "e" | "c", target: number, days = 14, uses = 1): string {
  return onboardingData({ t: "iv.o", k, target, days, uses });
}

/** Who an invite is for: «Роль — исполнитель», or a coordinator scope. Null when the unit is gone. */
export async function inviteTargetTitle(
  ctx: BaseContext,
  kind: "executor" | "coordinator",
  unitId: number | null,
): Promise<string | null> {
  if (unitId === null) return kind === "coordinator" ? ctx.t("invites-target-all") : null;
  const unit = await getUnit(ctx.app.deps.db, unitId);
  if (!unit || unit.archived) return null;
  return kind === "coordinator" ? ctx.t("invites-target-scope", { unit: unitTitle(unit) }) : unitTitle(unit);
}

/** The invite's options: how long it lasts and how many people may use it. */
export function inviteOptionsScreen(
  ctx: BaseContext,
  k: "e" | "c",
  target: number,
  title: string,
  days: number,
  uses: number,
  back: string,
): Screen {
  const mark = (on: boolean, s: string) => (on ? `✓ ${s}` : s);
  const daysRow = INVITE_DAYS.map((d) => ({
    text: mark(d === days, ctx.t("invites-days-short", { days: d })),
    callback_data: onboardingData({ t: "iv.o", k, target, days: d, uses }),
  }));
  const usesRow = INVITE_USES.map((u) => ({
    text: mark(u === uses, `×${u}`),
    callback_data: onboardingData({ t: "iv.o", k, target, days, uses: u }),
  }));
  return {
    text: ctx.t("invites-options", { target: escapeHtml(title), days, uses }),
    reply_markup: {
      inline_keyboard: [
        daysRow,
        usesRow,
        [
          {
            text: ctx.t("invites-btn-create"),
            callback_data: onboardingData({ t: "iv.mk", k, target, days, uses }),
          },
        ],
        [{ text: ctx.t("invites-btn-back"), callback_data: back }],
      ],
    },
  };
}

/** `https://t.me/<bot>?start=<token>` */
export function deepLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${token}`;
}

/** True when the actor may see and revoke this invite. */
export function mayManageInvite(
  actor: Actor,
  invite: Pick<InviteRow, "unit_id">,
  coordinated: ReadonlySet<number> | "all",
): boolean {
  if (coordinated === "all") return true;
  return invite.unit_id !== null && coordinated.has(invite.unit_id) && actor.coordinatorScopes.length > 0;
}

/** /invites: active invites of the actor's scope, paged, each with a revoke button. */
export async function invitesListScreen(
  ctx: BaseContext,
  actor: Actor,
  coordinated: ReadonlySet<number> | "all",
  page: number,
): Promise<Screen> {
  const { db, clock } = ctx.app.deps;
  const now = clock();
  const invites = (await listActiveInvites(db, now)).filter((i) => mayManageInvite(actor, i, coordinated));
  if (invites.length === 0) return { text: ctx.t("invites-list-empty") };
  const p = paginate(invites, page, LIST_PAGE);
  const lines = [ctx.t("invites-list-title", { count: invites.length }), ""];
  const buttons: InlineKeyboardButton[] = [];
  for (const [i, inv] of p.items.entries()) {
    const n = p.offset + i + 1;
    const title = (await inviteTargetTitle(ctx, inv.kind, inv.unit_id)) ?? "—";
    lines.push(
      ctx.t("invites-list-line", {
        n,
        target: escapeHtml(title),
        date: localShortDate(new Date(inv.expires_at), userZone(ctx), userLocale(ctx), now),
        uses: inv.uses,
        max: inv.max_uses,
      }),
    );
    buttons.push({
      text: ctx.t("invites-btn-revoke", { n }),
      callback_data: onboardingData({ t: "iv.rv", invite: inv.id, page: p.page }),
    });
  }
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  const pager = pagerRow(p, (n) => onboardingData({ t: "iv.lp", page: n }));
  if (pager.length) rows.push(pager);
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: rows } };
}

export type { UnitInfo };
