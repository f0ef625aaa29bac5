// A translator over the real Fluent files of the executors' features, for pure view tests.
// A missing key throws, so a typo in a key fails the test instead of showing the key.
import { readFileSync } from "node:fs";
import { I18n } from "@grammyjs/i18n";
import type { Translate } from "../../../src/domain/text/translate.js";

const FILES = ["tasks", "reports", "settings"];
const root = new URL("../../../locales/", import.meta.url);

function load(): I18n {
  const i18n = new I18n({ defaultLocale: "ru", fluentBundleOptions: { useIsolating: false } });
  for (const locale of ["ru", "en"]) {
    const source = FILES.map((f) => {
      try {
        return readFileSync(new URL(`${locale}/${f}.ftl`, root), "utf8");
      } catch {
        return "";
      }
    }).join("\n");
    i18n.loadLocaleSync(locale, { source, bundleOptions: { useIsolating: false } });
  }
  return i18n;
}

let shared: I18n | null = null;

/** `t` for a locale, as `ctx.t` gives it inside the bot. */
export function translator(locale = "ru"): Translate {
  shared ??= load();
  const i18n = shared;
  return (key, vars) => {
    const text = i18n.t(locale, key, vars);
    if (text === key) throw new Error(`missing translation ${locale}:${key}`);
    return text;
  };
}
