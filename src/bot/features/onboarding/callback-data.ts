// Button data of /start, /invite, /invites, access requests, /me and /units (≤ 64 bytes each).
// Every press is parsed here with zod; anything else (forged, truncated, from an old version)
// parses to null and is refused by the handler. Rights are checked by the handler, not here.
import { z } from "zod";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id or 0 (0 = none: no parent, or the whole deployment for a coordinator scope). */
const idOrZero = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const page = z.coerce.number().int().nonnegative().max(9999);
/** Invite options offered as buttons; anything else is refused. */
export const INVITE_DAYS = [1, 7, 14, 30, 90] as const;
export const INVITE_USES = [1, 5, 20, 100] as const;
const days = z.coerce.number().refine((n) => (INVITE_DAYS as readonly number[]).includes(n));
const uses = z.coerce.number().refine((n) => (INVITE_USES as readonly number[]).includes(n));
const kind = z.enum(["e", "c"]);

/** Every button of these features, as data. */
export type OnboardingButton =
  // /start of a stranger, or after a bad link: ask for access.
  | { t: "o.req" }
  // Access request handling by a coordinator.
  | { t: "ar.ok"; req: number }
  | { t: "ar.no"; req: number }
  | { t: "ar.rp"; req: number; page: number }
  | { t: "ar.up"; req: number; role: number; page: number }
  | { t: "ar.pk"; req: number; unit: number }
  // /invite: roles page, units of a role, new unit (parent page, then name), coordinator scope.
  | { t: "iv.rp"; page: number }
  | { t: "iv.up"; role: number; page: number }
  | { t: "iv.np"; role: number; page: number }
  | { t: "iv.nn"; role: number; parent: number }
  | { t: "iv.co"; page: number }
  // Invite options and creation: k = executor|coordinator, target unit (0: everything).
  | { t: "iv.o"; k: "e" | "c"; target: number; days: number; uses: number }
  | { t: "iv.mk"; k: "e" | "c"; target: number; days: number; uses: number }
  // /invites list and revoke.
  | { t: "iv.lp"; page: number }
  | { t: "iv.rv"; invite: number; page: number }
  // /me
  | { t: "me.lv"; unit: number }
  | { t: "me.ly"; unit: number }
  | { t: "me.back" }
  // /units
  | { t: "un.rp"; page: number }
  | { t: "un.up"; role: number; page: number }
  | { t: "un.u"; unit: number }
  | { t: "un.add"; role: number }
  | { t: "un.ap"; role: number; page: number }
  | { t: "un.an"; role: number; parent: number }
  | { t: "un.ren"; unit: number }
  | { t: "un.pp"; unit: number; page: number }
  | { t: "un.sp"; unit: number; parent: number }
  | { t: "un.file" };

type Tag = OnboardingButton["t"];

// For each tag: the names of its fields, in order, and their schemas.
const layouts: { [K in Tag]: [string, z.ZodType][] } = {
  "o.req": [],
  "ar.ok": [["req", id]],
  "ar.no": [["req", id]],
  "ar.rp": [
    ["req", id],
    ["page", page],
  ],
  "ar.up": [
    ["req", id],
    ["role", id],
    ["page", page],
  ],
  "ar.pk": [
    ["req", id],
    ["unit", id],
  ],
  "iv.rp": [["page", page]],
  "iv.up": [
    ["role", id],
    ["page", page],
  ],
  "iv.np": [
    ["role", id],
    ["page", page],
  ],
  "iv.nn": [
    ["role", id],
    ["parent", idOrZero],
  ],
  "iv.co": [["page", page]],
  "iv.o": [
    ["k", kind],
    ["target", idOrZero],
    ["days", days],
    ["uses", uses],
  ],
  "iv.mk": [
    ["k", kind],
    ["target", idOrZero],
    ["days", days],
    ["uses", uses],
  ],
  "iv.lp": [["page", page]],
  "iv.rv": [
    ["invite", id],
    ["page", page],
  ],
  "me.lv": [["unit", id]],
  "me.ly": [["unit", id]],
  "me.back": [],
  "un.rp": [["page", page]],
  "un.up": [
    ["role", id],
    ["page", page],
  ],
  "un.u": [["unit", id]],
  "un.add": [["role", id]],
  "un.ap": [
    ["role", id],
    ["page", page],
  ],
  "un.an": [
    ["role", id],
    ["parent", idOrZero],
  ],
  "un.ren": [["unit", id]],
  "un.pp": [
    ["unit", id],
    ["page", page],
  ],
  "un.sp": [
    ["unit", id],
    ["parent", idOrZero],
  ],
  "un.file": [],
};

/** `iv:o:e:12:14:1`: the tag's dot becomes a colon, then the fields in order. */
export function onboardingData(b: OnboardingButton): string {
  const fields = layouts[b.t].map(([name]) => String((b as Record<string, unknown>)[name]));
  const data = [b.t.replace(".", ":"), ...fields].join(":");
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data too long: ${data}`);
  return data;
}

/** Parses a press; null for anything that is not exactly one of our buttons. */
export function parseOnboardingData(data: string): OnboardingButton | null {
  if (data.length > 64) return null;
  const parts = data.split(":");
  if (parts.length < 2) return null;
  const tag = `${parts[0]}.${parts[1]}`;
  if (!Object.hasOwn(layouts, tag)) return null;
  const layout = layouts[tag as Tag];
  const values = parts.slice(2);
  if (values.length !== layout.length) return null;
  const out: Record<string, unknown> = { t: tag };
  for (let i = 0; i < layout.length; i++) {
    const [name, schema] = layout[i] as [string, z.ZodType];
    const raw = values[i] as string;
    // Digits only for numbers: z.coerce would take "1e3", " 5" or "0x10".
    if (name !== "k" && !/^\d{1,16}$/.test(raw)) return null;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return null;
    out[name] = parsed.data;
  }
  return out as OnboardingButton;
}

/** Matches the data of every button above (for grammY's `callbackQuery()` filter). */
export const ONBOARDING_DATA = /^(o|ar|iv|me|un):/;
