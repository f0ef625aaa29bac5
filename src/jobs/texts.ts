// Texts for messages made outside an update (digests, summaries): one Fluent instance per process.
import type { I18n } from "@grammyjs/i18n";
import { createI18n, translator } from "../bot/i18n.js";
import type { Translate } from "../domain/digest/types.js";

let shared: I18n | undefined;

/** A translate function per language (the user's stored language; Russian by default). */
export function jobTexts(): (language: string) => Translate {
  shared ??= createI18n();
  const i18n = shared;
  return (language) => translator(i18n, language);
}
