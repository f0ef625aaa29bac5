// The greeting of a linked user (screens.md, «Joining by an invite link»): who they are linked
// as, when the morning digest comes, how many items are open. Shown after a link, on /start of a
// linked user, and sent to a user whose access request was approved.
import type { DB } from "../../../../db/database.js";
import { loadUserRow } from "../../../../db/queries/actors.js";
import { countOpenAssignments, listUserScopes, listUserUnits } from "../../../../db/queries/memberships.js";
import { unitTitle } from "../../../../db/queries/units.js";
import type { Config } from "../../../config.js";
import { escapeHtml } from "../../../domain/text/html.js";
import type { Translate } from "../../../domain/text/translate.js";
import { SETTINGS_OPEN, TASKS_OPEN } from "../../callback-data.js";
import { zoneLabel } from "../../reader.js";
import type { Screen } from "../../screen.js";

export interface GreetingData {
  firstName: string | null;
  /** «Роль — исполнитель» of each unit the user is a member of. */
  units: string[];
  /** Coordinator scopes: a unit's title, or null for the whole deployment. */
  scopes: (string | null)[];
  isAdmin: boolean;
  digestTime: string;
  zone: string;
  paused: boolean;
  openCount: number;
  locale: string;
}

/** What the greeting says about this user; null when the user is linked to nothing. */
export async function loadGreeting(
  db: DB,
  config: Pick<Config, "digestTime" | "defaultTimezone">,
  userId: number,
): Promise<GreetingData | null> {
  const user = await loadUserRow(db, userId);
  const units = await listUserUnits(db, userId);
  const scopes = await listUserScopes(db, userId);
  const isAdmin = Number(user?.is_admin ?? 0) === 1;
  if (units.length === 0 && scopes.length === 0 && !isAdmin) return null;
  const unitZone = units.find((u) => u.timezone)?.timezone ?? null;
  return {
    firstName: user?.first_name ?? null,
    units: units.map((u) => unitTitle({ roleName: u.roleName, name: u.unitName })),
    scopes: scopes.map((s) =>
      s.unitId === null || s.unitName === null || s.roleName === null
        ? null
        : unitTitle({ roleName: s.roleName, name: s.unitName }),
    ),
    isAdmin,
    digestTime: user?.digest_time ?? config.digestTime,
    zone: user?.timezone ?? unitZone ?? config.defaultTimezone,
    paused: Number(user?.digest_paused ?? 0) === 1,
    openCount: await countOpenAssignments(
      db,
      units.map((u) => u.unitId),
    ),
    locale: user?.language ?? "ru",
  };
}

/** The greeting as a message (HTML), with [📋 Мои задачи] [⚙ Настройки]. */
export function renderGreeting(d: GreetingData, t: Translate): Screen {
  const lines: string[] = [];
  lines.push(
    d.firstName ? t("onboarding-hello", { name: escapeHtml(d.firstName) }) : t("onboarding-hello-anon"),
  );
  if (d.units.length === 1) {
    lines.push(t("onboarding-linked-one", { unit: escapeHtml(d.units[0] as string) }));
  } else if (d.units.length > 1) {
    lines.push(t("onboarding-linked-many"));
    for (const u of d.units) lines.push(`• «${escapeHtml(u)}»`);
  }
  const everything = d.isAdmin || d.scopes.includes(null);
  if (everything) lines.push(t("onboarding-coordinator-all"));
  else if (d.scopes.length > 0) {
    const list = d.scopes.map((s) => `«${escapeHtml(s ?? "")}»`).join(", ");
    lines.push(t("onboarding-coordinator-scoped", { scopes: list, count: d.scopes.length }));
  }
  lines.push("");
  const when = { time: d.digestTime, zone: zoneLabel(d.zone, d.locale) };
  if (d.paused) lines.push(t("onboarding-digest-paused"));
  else if (d.units.length > 0) lines.push(t("onboarding-digest", when));
  else lines.push(t("onboarding-summary", when));
  if (d.units.length > 0) lines.push(t("onboarding-open", { count: d.openCount }));
  if (everything || d.scopes.length > 0) lines.push(t("onboarding-coordinator-commands"));
  // Only whole-deployment coordinators load plans (canManagePlans): tell them how, it is not a command.
  if (everything) lines.push(t("onboarding-upload-hint"));
  const row = [
    ...(d.units.length > 0 ? [{ text: t("onboarding-btn-tasks"), callback_data: TASKS_OPEN }] : []),
    { text: t("onboarding-btn-settings"), callback_data: SETTINGS_OPEN },
  ];
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: [row] } };
}
