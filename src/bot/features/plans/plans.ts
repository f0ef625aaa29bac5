// Plans in chat for coordinators: a plan file sent outside a dialogue becomes a draft with a
// preview (upload.ts); its buttons publish it, replace a published plan by it (marks and
// reports of unchanged items kept), fix unreadable deadlines (fix.ts) or cancel it; /plans
// lists every plan with its status and counts. Rights and the draft's state are checked on every
// press: a button of a draft already published, cancelled or replaced answers so and changes nothing.
import { Composer } from "grammy";
import { planCounts } from "../../../../db/queries/plan-drafts.js";
import {
  cancelDraft,
  getPlan,
  listPlans,
  PlanStateError,
  type PlanSummary,
  publishPlan,
} from "../../../../db/queries/plans.js";
import { type Actor, canManagePlans, coordinatesEverything } from "../../../domain/permissions.js";
import { titleKey } from "../../../domain/plan/replace.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext } from "../../context.js";
import { currentActor } from "../../reader.js";
import type { BotFeature } from "../../runtime/feature.js";
import { answerPress, refuse, show } from "../../screen.js";
import { PLANS_DATA, type PlansButton, parsePlansData } from "./callback-data.js";
import { PLAN_FIX_CONVERSATION, planFixConversations } from "./fix.js";
import { handlePlanDocument, readerDate, showPreview } from "./upload.js";
import { renderPlansList, renderPublished, renderReplacePicker, renderReplaceQuestion } from "./view.js";

const composer = new Composer<BotContext>();
const privateChat = composer.chatType("private");

privateChat.command("plans", async (ctx) => {
  const actor = await currentActor(ctx);
  if (!canManagePlans(actor)) return void (await ctx.reply(ctx.t("plans-coordinators-only")));
  await show(ctx, await plansListScreen(ctx, 0));
});

privateChat.on("message:document", (ctx) => handlePlanDocument(ctx));

composer.callbackQuery(PLANS_DATA, async (ctx) => {
  const b = parsePlansData(ctx.callbackQuery.data);
  if (!b) return refuse(ctx, ctx.t("plans-button-stale"));
  const actor = await currentActor(ctx);
  if (!canManagePlans(actor)) return refuse(ctx, ctx.t("plans-coordinators-only"));
  if (b.t === "ls") {
    await answerPress(ctx);
    return show(ctx, await plansListScreen(ctx, b.page));
  }
  // The fixing dialogue's buttons, pressed when no dialogue waits for them.
  if (b.t === "fs" || b.t === "fy" || b.t === "fa" || b.t === "fe")
    return refuse(ctx, ctx.t("plans-fix-stale"));
  const draft = await getPlan(ctx.app.deps.db, b.draft);
  if (!draft) return refuse(ctx, ctx.t("plans-button-stale"));
  if (!mayHandle(actor, draft)) return refuse(ctx, ctx.t("plans-not-yours"));
  if (draft.status !== "draft") return refuse(ctx, ctx.t(`plans-draft-${draft.status}`));
  return onDraftButton(ctx, actor, draft, b);
});

/** The uploader, or a coordinator of the whole deployment, acts on a draft. */
function mayHandle(actor: Actor, plan: PlanSummary): boolean {
  return plan.createdBy === actor.userId || coordinatesEverything(actor);
}

async function onDraftButton(ctx: BotContext, actor: Actor, draft: PlanSummary, b: PlansButton) {
  const { db, clock } = ctx.app.deps;
  switch (b.t) {
    case "pv":
      await answerPress(ctx);
      return showPreview(ctx, draft.id);
    case "pk": {
      const published = (await listPlans(db, { status: ["published"] })).filter((p) => p.id !== draft.id);
      await answerPress(ctx);
      return show(ctx, renderReplacePicker(draft.id, published, b.page, ctx.t));
    }
    case "rq": {
      const old = await publishedPlan(ctx, b.old);
      if (!old) return;
      await answerPress(ctx);
      return showReplaceQuestion(ctx, draft, old);
    }
    case "pub": {
      const same = (await listPlans(db, { status: ["published"] })).find(
        (p) => p.id !== draft.id && titleKey(p.title) === titleKey(draft.title),
      );
      if (same) {
        await answerPress(ctx);
        return showReplaceQuestion(ctx, draft, same);
      }
      return publish(ctx, actor, draft, undefined);
    }
    case "new":
      return publish(ctx, actor, draft, undefined);
    case "rp": {
      const old = await publishedPlan(ctx, b.old);
      if (!old) return;
      return publish(ctx, actor, draft, old.id);
    }
    case "fix":
      await answerPress(ctx);
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(PLAN_FIX_CONVERSATION, draft.id);
    case "cn": {
      const at = clock();
      try {
        await applyOnce(ctx, (trx) => cancelDraft(trx, draft.id, { by: actor.userId, at }));
      } catch (err) {
        if (err instanceof PlanStateError) return refuseByState(ctx, draft.id);
        throw err;
      }
      await answerPress(ctx, ctx.t("plans-cancelled-answer"));
      return show(ctx, { text: ctx.t("plans-cancelled") });
    }
  }
}

/** The published plan a button names, or null (and the press refused) when it is no longer so. */
async function publishedPlan(ctx: BotContext, planId: number): Promise<PlanSummary | null> {
  const old = await getPlan(ctx.app.deps.db, planId);
  if (old?.status === "published") return old;
  await refuse(ctx, ctx.t("plans-old-not-published"));
  return null;
}

function showReplaceQuestion(ctx: BotContext, draft: PlanSummary, old: PlanSummary) {
  return show(
    ctx,
    renderReplaceQuestion(
      {
        draftId: draft.id,
        draftTitle: draft.title,
        old: { id: old.id, title: old.title, publishedOn: readerDate(ctx, old.publishedAt ?? old.createdAt) },
        sameTitle: titleKey(old.title) === titleKey(draft.title),
      },
      ctx.t,
    ),
  );
}

async function publish(ctx: BotContext, actor: Actor, draft: PlanSummary, replaces: number | undefined) {
  const at = ctx.app.deps.clock();
  let result: Awaited<ReturnType<typeof publishPlan>>;
  try {
    const r = await applyOnce(ctx, (trx) =>
      publishPlan(trx, draft.id, { by: actor.userId, at, ...(replaces === undefined ? {} : { replaces }) }),
    );
    // A redelivered press: it was published the first time.
    if (!r.applied) return refuseByState(ctx, draft.id);
    result = r.value;
  } catch (err) {
    // Someone else published, cancelled or replaced one of the plans in the meantime.
    if (err instanceof PlanStateError) return refuseByState(ctx, draft.id);
    throw err;
  }
  await answerPress(ctx, ctx.t(result.replaced ? "plans-replaced-answer" : "plans-published-answer"));
  await show(ctx, renderPublished(draft.title, result, ctx.t));
}

/** Answers a press that can no longer be done, saying what became of the draft. */
async function refuseByState(ctx: BotContext, draftId: number) {
  const now = await getPlan(ctx.app.deps.db, draftId);
  const key = !now
    ? "plans-button-stale"
    : now.status === "draft"
      ? "plans-old-not-published"
      : `plans-draft-${now.status}`;
  await refuse(ctx, ctx.t(key));
}

async function plansListScreen(ctx: BotContext, page: number) {
  const plans = await listPlans(ctx.app.deps.db);
  const counts = await planCounts(
    ctx.app.deps.db,
    plans.map((p) => p.id),
  );
  const entries = plans.map((plan) => ({
    plan,
    counts: counts.get(plan.id) ?? { assignments: 0, done: 0, unparsed: 0 },
    date: readerDate(ctx, plan.publishedAt ?? plan.createdAt),
  }));
  return renderPlansList(entries, page, ctx.t);
}

export const plansFeature: BotFeature = { name: "plans", composer, conversations: planFixConversations };
