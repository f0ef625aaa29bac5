// Button data of plan uploads, previews, the deadline-fixing dialogue and /plans: `pl:<tag>:<n>[:<n>]`
// (≤ 64 bytes). Every press is parsed here with zod; anything else parses to null and is refused.
// Rights and the draft's state are checked by the handler on every press, not here.
import { z } from "zod";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const page = z.coerce.number().int().nonnegative().max(9999);

/** Every button of the plan features, as data. */
export type PlansButton =
  // The preview of a draft: publish, fix deadlines, cancel, back to it, pick a plan to replace.
  | { t: "pub"; draft: number }
  | { t: "fix"; draft: number }
  | { t: "cn"; draft: number }
  | { t: "pv"; draft: number }
  | { t: "pk"; draft: number; page: number }
  // Replacing: the question about `old`, then doing it; or publishing beside a same-titled plan.
  | { t: "rq"; draft: number; old: number }
  | { t: "rp"; draft: number; old: number }
  | { t: "new"; draft: number }
  // The fixing dialogue, per item: skip, the reading is right, type it again; stop altogether.
  | { t: "fs"; draft: number; item: number }
  | { t: "fy"; draft: number; item: number }
  | { t: "fa"; draft: number; item: number }
  | { t: "fe"; draft: number }
  // /plans: a page of the list.
  | { t: "ls"; page: number };

type Tag = PlansButton["t"];

const layouts: { [K in Tag]: [string, z.ZodType][] } = {
  pub: [["draft", id]],
  fix: [["draft", id]],
  cn: [["draft", id]],
  pv: [["draft", id]],
  pk: [
    ["draft", id],
    ["page", page],
  ],
  rq: [
    ["draft", id],
    ["old", id],
  ],
  rp: [
    ["draft", id],
    ["old", id],
  ],
  new: [["draft", id]],
  fs: [
    ["draft", id],
    ["item", id],
  ],
  fy: [
    ["draft", id],
    ["item", id],
  ],
  fa: [
    ["draft", id],
    ["item", id],
  ],
  fe: [["draft", id]],
  ls: [["page", page]],
};

/** The regex for grammY's `callbackQuery()` filter. */
export const PLANS_DATA = /^pl:/;

/** `pl:rp:12:7` */
export function plansData(b: PlansButton): string {
  const fields = layouts[b.t].map(([name]) => String((b as Record<string, unknown>)[name]));
  return ["pl", b.t, ...fields].join(":");
}

/** The button, or null for forged, truncated or unknown data. */
export function parsePlansData(data: string): PlansButton | null {
  if (data.length > 64) return null;
  const [prefix, tag, ...rest] = data.split(":");
  if (prefix !== "pl" || tag === undefined || !Object.hasOwn(layouts, tag)) return null;
  const layout = layouts[tag as Tag];
  if (rest.length !== layout.length) return null;
  const out: Record<string, unknown> = { t: tag };
  for (const [i, [name, schema]] of layout.entries()) {
    const raw = rest[i] ?? "";
    if (!/^\d{1,16}$/.test(raw)) return null;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return null;
    out[name] = parsed.data;
  }
  return out as PlansButton;
}

/** The draft a button is about, if any. */
export function draftOf(b: PlansButton): number | null {
  return "draft" in b ? b.draft : null;
}
