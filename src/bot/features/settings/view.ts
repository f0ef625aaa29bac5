// /settings: digest time, time zone, language, pause. One message, edited in place. Pure.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { DateTime, IANAZone } from "luxon";
import type { Translate } from "../../../domain/text/translate.js";
import { settingsData } from "../../callback-data.js";

/** Russia's zones by the city people know them by (Udmurtia/Izhevsk is Samara time). */
export const RUSSIAN_ZONES: readonly { key: string; zone: string }[] = [
  { key: "kaliningrad", zone: "Europe/Kaliningrad" },
  { key: "moscow", zone: "Europe/Moscow" },
  { key: "samara", zone: "Europe/Samara" },
  { key: "yekaterinburg", zone: "Asia/Yekaterinburg" },
  { key: "omsk", zone: "Asia/Omsk" },
  { key: "novosibirsk", zone: "Asia/Novosibirsk" },
  { key: "krasnoyarsk", zone: "Asia/Krasnoyarsk" },
  { key: "irkutsk", zone: "Asia/Irkutsk" },
  { key: "yakutsk", zone: "Asia/Yakutsk" },
  { key: "vladivostok", zone: "Asia/Vladivostok" },
  { key: "magadan", zone: "Asia/Magadan" },
  { key: "kamchatka", zone: "Asia/Kamchatka" },
];

/** The digest times offered as buttons; any other HH:MM can be typed. */
export const DIGEST_TIMES = ["07:00", "07:30", "08:00", "08:30", "09:00", "09:30", "10:00"] as const;

export type SettingsScreen = "main" | "time" | "tz" | "time_input" | "tz_input";

export interface SettingsViewData {
  screen: SettingsScreen;
  /** Effective values (the user's own, or the unit's / deployment's defaults). */
  digestTime: string;
  timezone: string;
  language: string;
  paused: boolean;
  /** The instant the offsets are shown for («UTC+3»). */
  now: Date;
}

/** «Москва (UTC+3)», or the IANA name for a zone not in the list. */
export function zoneLabel(zone: string, now: Date, t: Translate): string {
  const known = RUSSIAN_ZONES.find((z) => z.zone === zone);
  const name = known ? t(`settings-city-${known.key}`) : zone;
  return `${name} (${utcOffset(zone, now)})`;
}

function utcOffset(zone: string, now: Date): string {
  const dt = DateTime.fromJSDate(now, { zone });
  if (!dt.isValid) return "UTC";
  const minutes = dt.offset;
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  const hm = abs % 60 === 0 ? `${abs / 60}` : `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
  return minutes === 0 ? "UTC" : `UTC${sign}${hm}`;
}

export function renderSettings(
  d: SettingsViewData,
  t: Translate,
): { text: string; reply_markup: InlineKeyboardMarkup } {
  const back: InlineKeyboardButton = {
    text: t("settings-back"),
    callback_data: settingsData({ kind: "main" }),
  };
  const zone = zoneLabel(d.timezone, d.now, t);
  switch (d.screen) {
    case "time": {
      const buttons = DIGEST_TIMES.map((time) => ({
        text: time === d.digestTime ? `✓ ${time}` : time,
        callback_data: settingsData({ kind: "time_set", time }),
      }));
      return {
        text: t("settings-time-title", { time: d.digestTime, zone }),
        reply_markup: {
          inline_keyboard: [
            buttons.slice(0, 4),
            buttons.slice(4),
            [{ text: t("settings-time-other"), callback_data: settingsData({ kind: "time_input" }) }, back],
          ],
        },
      };
    }
    case "tz": {
      const buttons = RUSSIAN_ZONES.map((z) => ({
        text: `${z.zone === d.timezone ? "✓ " : ""}${t(`settings-city-${z.key}`)} ${utcOffset(z.zone, d.now)}`,
        callback_data: settingsData({ kind: "tz_set", zone: z.zone }),
      }));
      const rows: InlineKeyboardButton[][] = [];
      for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
      rows.push([{ text: t("settings-tz-other"), callback_data: settingsData({ kind: "tz_input" }) }, back]);
      return { text: t("settings-tz-title", { zone }), reply_markup: { inline_keyboard: rows } };
    }
    case "time_input":
      return { text: t("settings-time-prompt"), reply_markup: { inline_keyboard: [[back]] } };
    case "tz_input":
      return { text: t("settings-tz-prompt"), reply_markup: { inline_keyboard: [[back]] } };
    default: {
      const lines = [
        t("settings-title"),
        "",
        t("settings-digest-line", { time: d.digestTime, zone }),
        t("settings-zone-line", { zone }),
        t("settings-language-line"),
        d.paused ? t("settings-paused-line") : t("settings-active-line"),
      ];
      const lang = (code: "ru" | "en", label: string): InlineKeyboardButton => ({
        text: d.language === code ? `✓ ${label}` : label,
        callback_data: settingsData({ kind: "lang_set", language: code }),
      });
      return {
        text: lines.join("\n"),
        reply_markup: {
          inline_keyboard: [
            [
              { text: t("settings-time-button"), callback_data: settingsData({ kind: "time" }) },
              { text: t("settings-tz-button"), callback_data: settingsData({ kind: "tz" }) },
            ],
            [lang("ru", "Русский"), lang("en", "English")],
            [
              d.paused
                ? { text: t("settings-resume-button"), callback_data: settingsData({ kind: "resume" }) }
                : { text: t("settings-pause-button"), callback_data: settingsData({ kind: "pause" }) },
            ],
          ],
        },
      };
    }
  }
}

/** Reads a typed time: «8:15», «08.15», «0815» → "08:15"; null when it is not a time of day. */
export function parseTypedTime(input: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])[:.\s]?([0-5]\d)\s*$/.exec(input);
  return m ? `${(m[1] as string).padStart(2, "0")}:${m[2]}` : null;
}

/**
 * Towns and regions people type for their zone, lower case with «е» for «ё», mapped to the zone of
 * the list that keeps their time (the seeds' Удмуртия is Samara time, Дальнереченск Vladivostok's).
 */
const PLACE_ZONES: Readonly<Record<string, string>> = {
  "санкт-петербург": "moscow",
  петербург: "moscow",
  спб: "moscow",
  "ленинградская область": "moscow",
  тверь: "moscow",
  "тверская область": "moscow",
  смоленск: "moscow",
  "смоленская область": "moscow",
  десногорск: "moscow",
  казань: "moscow",
  "нижний новгород": "moscow",
  ижевск: "samara",
  удмуртия: "samara",
  "удмуртская республика": "samara",
  ульяновск: "samara",
  саратов: "samara",
  астрахань: "samara",
  пермь: "yekaterinburg",
  уфа: "yekaterinburg",
  челябинск: "yekaterinburg",
  тюмень: "yekaterinburg",
  томск: "novosibirsk",
  барнаул: "novosibirsk",
  кемерово: "novosibirsk",
  "улан-удэ": "irkutsk",
  чита: "yakutsk",
  хабаровск: "vladivostok",
  дальнереченск: "vladivostok",
  "приморский край": "vladivostok",
  приморье: "vladivostok",
  "южно-сахалинск": "magadan",
  "петропавловск-камчатский": "kamchatka",
  "saint petersburg": "moscow",
  "st petersburg": "moscow",
  tver: "moscow",
  smolensk: "moscow",
  izhevsk: "samara",
  udmurtia: "samara",
  dalnerechensk: "vladivostok",
};

/** Russia's offsets have stood since 2016: the default instant for reading a typed offset. */
const OFFSETS_AS_OF = new Date("2025-01-01T00:00:00Z");

/** Hours east of UTC from «UTC+4», «GMT+10», «+4», «МСК+1», «мск»; null for anything else. */
function typedOffsetHours(lower: string): number | null {
  const m = /^(utc|gmt|мск|msk)?\s*(?:([+\-−])\s*(\d{1,2})(?:[:.]00)?)?$/.exec(lower.replace(/\s+/g, " "));
  if (!m || (!m[1] && !m[2])) return null;
  const moscowBased = m[1] === "мск" || m[1] === "msk";
  const shift = m[2] ? (m[2] === "+" ? 1 : -1) * Number(m[3]) : 0;
  return (moscowBased ? 3 : 0) + shift;
}

/**
 * Reads a typed zone: a city of the list in either language («москва», «Vladivostok»), a town or
 * region people know («Ижевск», «Дальнереченск»), an offset («UTC+4», «МСК+7») matched to the
 * Russian zone that has it at `now`, or any IANA name in any case («asia/omsk») in its canonical
 * spelling; null otherwise.
 */
export function parseTypedZone(
  input: string,
  cityNames: (key: string) => string[],
  now: Date = OFFSETS_AS_OF,
): string | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 60) return null;
  const lower = text.toLowerCase().replace(/ё/g, "е");
  for (const z of RUSSIAN_ZONES) {
    if (cityNames(z.key).some((n) => n.toLowerCase().replace(/ё/g, "е") === lower)) return z.zone;
  }
  const place = PLACE_ZONES[lower.replace(/^г\.\s*/, "")];
  if (place) return RUSSIAN_ZONES.find((z) => z.key === place)?.zone ?? null;
  const hours = typedOffsetHours(lower);
  if (hours !== null) {
    const found = RUSSIAN_ZONES.find((z) => DateTime.fromJSDate(now, { zone: z.zone }).offset === hours * 60);
    return found?.zone ?? null;
  }
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(text)) return null;
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
    return IANAZone.isValidZone(canonical) ? canonical : null;
  } catch {
    return null;
  }
}
