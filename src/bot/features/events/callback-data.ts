// Button data of /event: `evt:pk:<item>` picks the event a relative item waits for (the item
// names it: the list of events changes as plans are published), `evt:td:<item>` answers «сегодня».
import { z } from "zod";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export type EventsButton = { t: "pk" | "td"; item: number };

/** The regex for grammY's `callbackQuery()` filter. */
export const EVENTS_DATA = /^evt:/;

export function eventsData(b: EventsButton): string {
  return `evt:${b.t}:${b.item}`;
}

/** The button, or null for forged or unknown data. */
export function parseEventsData(data: string): EventsButton | null {
  const m = /^evt:(pk|td):(\d{1,16})$/.exec(data);
  if (!m) return null;
  const item = id.safeParse(m[2]);
  return item.success ? { t: m[1] as "pk" | "td", item: item.data } : null;
}
