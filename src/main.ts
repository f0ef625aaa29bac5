// `npm start`: the bot with long polling, until SIGTERM/SIGINT.
import { allFeatures } from "./bot/features/index.js";
import { runApp } from "./bot/runtime/app.js";
import { loadDotEnv } from "./config.js";

loadDotEnv();
await runApp({
  env: process.env,
  features: allFeatures(),
  // LEAD: wire the scheduler when src/jobs/index.ts lands:
  //   import { startJobs } from "./jobs/index.js";  …  startJobs,
  startJobs: undefined,
});
