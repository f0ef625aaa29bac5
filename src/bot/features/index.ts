// Every feature of the bot, in the order their handlers run (conversations go first anyway).
// Add yours here: a BotFeature `{ name, composer, conversations? }` or a bare Composer.
// Order matters only between features whose handlers could both match the same update.
// One folder per feature (composer, screens, views, button data); help and unhandled are one file.
// First: grammY's filters made lean before any feature below builds its own (see the module).
import "../runtime/grammy-branch.js";
import type { FeatureLike } from "../runtime/feature.js";
import { eventsFeature } from "./events/events.js";
import { help } from "./help.js";
import { access } from "./onboarding/access.js";
import { invites } from "./onboarding/invites.js";
import { me } from "./onboarding/me.js";
import { onboarding } from "./onboarding/start.js";
import { plansFeature } from "./plans/plans.js";
import { reports } from "./reports/reports.js";
import { settings } from "./settings/settings.js";
import { exportFeature } from "./status/export.js";
import { overdue } from "./status/overdue.js";
import { review } from "./status/review.js";
import { status } from "./status/status.js";
import { done } from "./tasks/done.js";
import { tasks } from "./tasks/tasks.js";
import { unitsFeature } from "./units/units.js";

/**
 * The features of linking people to roles, in the order they are mounted (onboarding first: it
 * makes ADMIN_IDS users admins before any other handler checks rights).
 */
export const onboardingFeatures: FeatureLike[] = [
  { name: "onboarding", composer: onboarding },
  { name: "access", composer: access },
  { name: "invites", composer: invites },
  { name: "me", composer: me },
  unitsFeature,
];

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
