// Public entry of the deadline reader: what the plan assembler calls for every deadline cell.
export type { DeadlineContext } from "../plan/deadline-context.js";
export { periodFromTitle } from "./period-from-title.js";
export { readDeadline } from "./read-deadline.js";
export { scanExplicitDates } from "./scan-explicit-dates.js";
