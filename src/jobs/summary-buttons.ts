// Callback data of the summary's buttons into /status and /overdue. The status feature answers
// them; keep these in step with its callback data (≤ 64 bytes, validated there).
export const SUMMARY_CALLBACKS = {
  /** Opens /status as a new message. */
  status: "st:open",
  /** Opens /overdue as a new message. */
  overdue: "ov:open",
} as const;
