// Callback data of every button, validated with zod on every press. At most 64 bytes.
// Format: "<action>:<id>[:<extra>]". A forged or malformed value parses to null.
import { z } from "zod";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Buttons on assignments (digest, /tasks): mark done, undo, comment, report, confirm ongoing. */
export const assignmentAction = z.enum(["done", "undo", "note", "rep", "conf"]);
export type AssignmentAction = z.infer<typeof assignmentAction>;

const assignmentButton = z.object({ a: assignmentAction, id });

/** `a:done:123` */
export function assignmentData(action: AssignmentAction, assignmentId: number): string {
  return `a:${action}:${assignmentId}`;
}

export function parseAssignmentData(data: string): { a: AssignmentAction; id: number } | null {
  const m = /^a:([a-z]+):(\d{1,16})$/.exec(data);
  if (!m) return null;
  const parsed = assignmentButton.safeParse({ a: m[1], id: m[2] });
  return parsed.success ? parsed.data : null;
}

/** The regex grammY's `callbackQuery()` filter uses for assignment buttons. */
export const ASSIGNMENT_DATA = /^a:/;

/** Opens /tasks as a new message (from a greeting, a digest's [📋 Все задачи], …). */
export const TASKS_OPEN = "t:open";
/** Opens /settings as a new message (from a greeting). */
export const SETTINGS_OPEN = "s:open";

/** `t:pg:2`: show page 2 (0-based) of /tasks, editing the list message in place. */
export function tasksPageData(page: number): string {
  return `t:pg:${page}`;
}

export type TasksButton = { kind: "open" } | { kind: "page"; page: number };

export function parseTasksData(data: string): TasksButton | null {
  if (data === TASKS_OPEN) return { kind: "open" };
  const m = /^t:pg:(\d{1,4})$/.exec(data);
  return m ? { kind: "page", page: Number(m[1]) } : null;
}

/** The regex for /tasks buttons. */
export const TASKS_DATA = /^t:/;

/**
 * /settings buttons: `s:open`, `s:main`, `s:time`, `s:time:0830`, `s:time:in` (type a time),
 * `s:tz`, `s:tz:Asia/Vladivostok`, `s:tz:in` (type a zone), `s:lang:en`, `s:pause`, `s:resume`.
 */
export type SettingsButton =
  | { kind: "open" | "main" | "time" | "time_input" | "tz" | "tz_input" | "pause" | "resume" }
  | { kind: "time_set"; time: string }
  | { kind: "tz_set"; zone: string }
  | { kind: "lang_set"; language: "ru" | "en" };

const settingsZone = z
  .string()
  .regex(/^[A-Za-z]+(?:\/[A-Za-z_+-]+){1,2}$/)
  .max(50);

export function settingsData(b: SettingsButton): string {
  switch (b.kind) {
    case "time_set":
      return `s:time:${b.time.replace(":", "")}`;
    case "tz_set":
      return `s:tz:${b.zone}`;
    case "lang_set":
      return `s:lang:${b.language}`;
    case "time_input":
      return "s:time:in";
    case "tz_input":
      return "s:tz:in";
    default:
      return `s:${b.kind}`;
  }
}

export function parseSettingsData(data: string): SettingsButton | null {
  switch (data) {
    case "s:open":
    case "s:main":
    case "s:time":
    case "s:tz":
    case "s:pause":
    case "s:resume":
      return { kind: data.slice(2) as "open" | "main" | "time" | "tz" | "pause" | "resume" };
    case "s:time:in":
      return { kind: "time_input" };
    case "s:tz:in":
      return { kind: "tz_input" };
  }
  const time = /^s:time:([01]\d|2[0-3])([0-5]\d)$/.exec(data);
  if (time) return { kind: "time_set", time: `${time[1]}:${time[2]}` };
  const lang = /^s:lang:(ru|en)$/.exec(data);
  if (lang) return { kind: "lang_set", language: lang[1] as "ru" | "en" };
  if (data.startsWith("s:tz:")) {
    const zone = settingsZone.safeParse(data.slice(5));
    if (zone.success) return { kind: "tz_set", zone: zone.data };
  }
  return null;
}

/** The regex for /settings buttons. */
export const SETTINGS_DATA = /^s:/;

/** Buttons of the report dialogue: finish adding, send, add more, cancel, «later» after sending. */
export const reportAction = z.enum(["fin", "send", "more", "cancel", "later"]);
export type ReportAction = z.infer<typeof reportAction>;

/** `r:send:123` (the assignment id tells a stale button of another report apart). */
export function reportData(action: ReportAction, assignmentId: number): string {
  return `r:${action}:${assignmentId}`;
}

export function parseReportData(data: string): { a: ReportAction; id: number } | null {
  const m = /^r:([a-z]+):(\d{1,16})$/.exec(data);
  if (!m) return null;
  const parsed = z.object({ a: reportAction, id }).safeParse({ a: m[1], id: m[2] });
  return parsed.success ? parsed.data : null;
}

/** The regex for report dialogue buttons. */
export const REPORT_DATA = /^r:/;
