// The features build their filters when their modules load, before createBot runs: the lean
// `branch` (src/bot/runtime/grammy-branch.ts) must already be in place by then, or every filter
// a press passes builds a Composer per update (as in production before this was pinned).
import { Composer } from "grammy";
import { expect, it } from "vitest";
import { allFeatures } from "../../src/bot/features/index.js";

it("loading the features installs the lean branch before any of them builds a filter", () => {
  expect(allFeatures().length).toBeGreaterThan(5);
  expect(String(Composer.prototype.branch)).not.toContain("lazy");
});
