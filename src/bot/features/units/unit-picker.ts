// The «which unit» picker of /invite and /units (a new unit's parent, a unit's parent, a
// coordinator's scope): «none» first on the first page when allowed, the page's units, the pager,
// and a way back. One layout for all four screens.
import type { InlineKeyboardButton } from "grammy/types";
import { type UnitInfo, unitTitle } from "../../../../db/queries/units.js";
import { label, type Page, pagerRow } from "../../screen.js";

export interface UnitPicker {
  /** The «none» button (no parent / over everything), shown on the first page; null: not allowed. */
  none: InlineKeyboardButton | null;
  /** Callback data of picking a unit. */
  pick: (unitId: number) => string;
  /** Callback data of another page of the picker. */
  pageData: (page: number) => string;
  back: InlineKeyboardButton;
}

/** The keyboard of one page of a unit picker. */
export function unitPickerRows(p: Page<UnitInfo>, o: UnitPicker): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  if (o.none && p.page === 0) rows.push([o.none]);
  for (const u of p.items) rows.push([{ text: label(unitTitle(u), 50), callback_data: o.pick(u.id) }]);
  const pager = pagerRow(p, o.pageData);
  if (pager.length) rows.push(pager);
  rows.push([o.back]);
  return rows;
}
