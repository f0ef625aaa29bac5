// Every feature of the bot, in the order their handlers run (conversations go first anyway).
// Add yours here: a BotFeature `{ name, composer, conversations? }` or a bare Composer.
// Order matters only between features whose handlers could both match the same update.
import type { FeatureLike } from "../runtime/feature.js";
import { done } from "./done.js";
import { eventsFeature } from "./events.js";
import { exportFeature } from "./export.js";
import { help } from "./help.js";
import { onboardingFeatures } from "./onboarding-features.js";
import { overdue } from "./overdue.js";
import { plansFeature } from "./plans.js";
import { reports } from "./reports.js";
import { review } from "./review.js";
import { settings } from "./settings.js";
import { status } from "./status.js";
import { tasks } from "./tasks.js";

export function allFeatures(): FeatureLike[] {
  return [
    // onboarding (first: it makes ADMIN_IDS users admins), access, invites, me, units
    ...onboardingFeatures,
    // tasks, reports, settings
    tasks,
    done,
    reports,
    settings,
    // status, overdue, report review, exports
    status,
    overdue,
    review,
    exportFeature,
    // plan upload
    plansFeature,
    eventsFeature,
    help,
  ];
}
