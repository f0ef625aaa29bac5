// The one shape of a translation function, shared by the bot (ctx.t), the jobs and pure renderers.

/** A translation function for one language: a Fluent key and its variables → the text. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;
