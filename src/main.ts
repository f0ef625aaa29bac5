// `npm start`: the bot with long polling, until SIGTERM/SIGINT.
import { configOrProblems } from "./bot/runtime/config-problems.js";
import { loadDotEnv } from "./config.js";

loadDotEnv();
// A bad configuration is told before anything heavy is loaded: one line per problem, exit 1.
if (!configOrProblems(process.env, (line) => process.stderr.write(`${line}\n`))) process.exit(1);

const { runApp } = await import("./bot/runtime/app.js");
const { allFeatures } = await import("./bot/features/index.js");
const { startJobs } = await import("./jobs/index.js");
await runApp({
  env: process.env,
  features: allFeatures(),
  // The scheduler of daily messages and the outbox's delivery worker, once the bot polls.
  startJobs: (deps, api) => startJobs(deps, api),
});
