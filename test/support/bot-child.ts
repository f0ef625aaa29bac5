// The bot as its own process, for tests that kill it (-9) or stop it (SIGTERM): the real runtime
// (src/bot/runtime/app.ts) with the features of SROK_TEST_FEATURES_MODULE and a fixed clock.
import { pathToFileURL } from "node:url";
import { runApp } from "../../src/bot/runtime/app.js";
import type { FeatureLike } from "../../src/bot/runtime/feature.js";

const modulePath = process.env.SROK_TEST_FEATURES_MODULE;
const exportName = process.env.SROK_TEST_FEATURES_EXPORT ?? "allFeatures";
if (!modulePath) throw new Error("SROK_TEST_FEATURES_MODULE is not set");
const mod = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
const exported = mod[exportName];
const features = (typeof exported === "function" ? exported() : exported) as FeatureLike[];
const now = process.env.SROK_TEST_NOW;

await runApp({
  env: process.env,
  features,
  ...(now ? { clock: () => new Date(now) } : {}),
  bot: { throttle: false, retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 } },
  launch: { timeoutSeconds: 10, initTimeoutMs: 5000 },
});
