import { describe, expect, it } from "vitest";
import {
  type OnboardingButton,
  onboardingData,
  parseOnboardingData,
} from "../../../src/bot/features/onboarding/callback-data.js";

describe("onboarding button data", () => {
  const samples: OnboardingButton[] = [
    { t: "o.req" },
    { t: "ar.pk", req: 12, unit: 345 },
    { t: "ar.up", req: 1, role: 2, page: 3 },
    { t: "iv.o", k: "c", target: 0, days: 14, uses: 1 },
    { t: "iv.mk", k: "e", target: 9007199254740991, days: 90, uses: 100 },
    { t: "iv.rv", invite: 5, page: 0 },
    { t: "me.back" },
    { t: "un.sp", unit: 4, parent: 0 },
  ];

  it("round-trips every kind within 64 bytes", () => {
    for (const b of samples) {
      const data = onboardingData(b);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseOnboardingData(data)).toEqual(b);
    }
    expect(onboardingData({ t: "iv.o", k: "e", target: 12, days: 14, uses: 1 })).toBe("iv:o:e:12:14:1");
  });

  it("refuses forged, garbage and out-of-range data", () => {
    for (const bad of [
      "",
      "garbage",
      "iv:o:e:12:15:1", // 15 days is not an offered option
      "iv:o:x:12:14:1",
      "iv:o:e:12:14",
      "iv:o:e:12:14:1:9",
      "ar:pk:0:5",
      "ar:pk:-1:5",
      "ar:pk:1e3:5",
      "ar:pk: 1:5",
      "ar:pk:0x10:5",
      "me:lv:99999999999999999",
      "zz:lv:1",
      "o:req:1",
      "toString:x",
      "__proto__:x",
    ]) {
      expect(parseOnboardingData(bad), bad).toBeNull();
    }
  });
});
