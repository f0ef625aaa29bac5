// Texts: Fluent files locales/<lang>/<feature>.ftl, one file per feature, Russian first.
// `createI18n()` serves the bot's middleware and code outside updates (jobs, the CLI).
import { fileURLToPath } from "node:url";
import { I18n, type LocaleNegotiator, TranslateWarnings, type Warning } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Translate } from "../domain/text/translate.js";

export const DEFAULT_LANGUAGE = "ru";
export const LANGUAGES = ["ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** locales/ at the repository root. */
export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export interface CreateI18nOptions<C extends Context> {
  localeNegotiator?: LocaleNegotiator<C>;
  /** Where warnings go (a key missing in every language); default: console.warn. */
  onMissing?: (message: string) => void;
  directory?: string;
}

/**
 * Loads every locales/<lang>/*.ftl. Placeables are not wrapped in bidi isolation marks
 * (`useIsolating: false`), and a key missing in English falls back to Russian silently.
 */
export function createI18n<C extends Context = Context>(options: CreateI18nOptions<C> = {}): I18n<C> {
  const onMissing = options.onMissing ?? ((message: string) => console.warn(message));
  return new I18n<C>({
    defaultLocale: DEFAULT_LANGUAGE,
    directory: options.directory ?? LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: {
      warningHandler: (warning: Warning) => {
        if (warning.type === TranslateWarnings.MISSING_TRANSLATION)
          onMissing(`i18n: no text for "${warning.path}" in ${warning.locales.join(", ")}`);
      },
    },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
}

/** The supported language for a stored or Telegram language code ("en-GB" → "en"); Russian otherwise. */
export function normaliseLanguage(code: string | null | undefined): Language {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? "") ? (base as Language) : DEFAULT_LANGUAGE;
}

/** A translate function for one language, for texts made outside an update. */
export function translator(i18n: I18n<any>, language: string | null | undefined): Translate {
  const locale = normaliseLanguage(language);
  return (key, variables) => i18n.t(locale, key, variables);
}

// One I18n for texts in another user's language (coordinators' notices) or in every language
// (typed city names), outside the update's own `ctx.t`.
let sharedI18n: I18n | null = null;

/** The bot's texts in every language, loaded once, for texts not addressed to the update's sender. */
export function i18nForOthers(): I18n {
  sharedI18n ??= createI18n();
  return sharedI18n;
}
