// The daily digest, the coordinators' summary and when they are due. Pure; see each module.
export * from "./compose-digest.js";
export * from "./compose-summary.js";
export * from "./format.js";
export * from "./schedule.js";
export * from "./types.js";
