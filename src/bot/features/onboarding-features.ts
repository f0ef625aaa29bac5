// The features of linking people to roles, in the order they are mounted (onboarding first: it
// makes ADMIN_IDS users admins before any other handler checks rights).
import type { FeatureLike } from "../runtime/feature.js";
import { access } from "./access.js";
import { invites } from "./invites.js";
import { me } from "./me.js";
import { onboarding } from "./onboarding.js";
import { unitsFeature } from "./units.js";

export const onboardingFeatures: FeatureLike[] = [
  { name: "onboarding", composer: onboarding },
  { name: "access", composer: access },
  { name: "invites", composer: invites },
  { name: "me", composer: me },
  unitsFeature,
];
