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
