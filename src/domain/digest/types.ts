// Shapes shared by the digest, the coordinators' summary and their schedule. Pure types only.
import type { AgendaEntry } from "../agenda.js";
import type { IsoDate } from "../plan/types.js";

export type { Translate } from "../text/translate.js";

/** An inline keyboard button as the Bot API takes it (callback buttons only). */
export interface InlineButton {
  text: string;
  callback_data: string;
}

/** One message ready for sendMessage with `parse_mode: "HTML"`: text and inline keyboard rows. */
export interface ComposedMessage {
  text: string;
  buttons: InlineButton[][];
}

/** Only what the schedule and the digest need of the production calendar. */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

/**
 * An agenda entry with what the digest also wants to know: for relative items, the event that
 * gave the occurrence its dates and when it was recorded (ISO instant).
 */
export interface DigestEntry extends AgendaEntry {
  eventName?: string | null;
  eventRecordedAt?: string | null;
}

/** Callback data for the digest's buttons (from src/bot/callback-data.ts; injected to keep this pure). */
export interface DigestCallbacks {
  assignment(action: "done" | "rep" | "conf", assignmentId: number): string;
  /** Opens /tasks as a new message. */
  tasks: string;
}
