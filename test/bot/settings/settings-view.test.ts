import { describe, expect, it } from "vitest";
import { parseSettingsData } from "../../../src/bot/callback-data.js";
import {
  parseTypedTime,
  parseTypedZone,
  RUSSIAN_ZONES,
  renderSettings,
  type SettingsViewData,
} from "../../../src/bot/features/settings/view.js";
import { translator } from "../tasks/translator.js";

const t = translator("ru");
const base: SettingsViewData = {
  screen: "main",
  digestTime: "09:00",
  timezone: "Europe/Moscow",
  language: "ru",
  paused: false,
  now: new Date("2021-10-25T06:00:00Z"),
};
const data = (v: ReturnType<typeof renderSettings>) =>
  v.reply_markup.inline_keyboard.flat().map((b) => ("callback_data" in b ? (b.callback_data as string) : ""));

describe("renderSettings", () => {
  it("shows the current settings with buttons to change each", () => {
    const v = renderSettings(base, t);
    expect(v.text).toBe(
      [
        "⚙ Настройки",
        "",
        "Утренняя сводка: 09:00, Москва (UTC+3)",
        "Часовой пояс: Москва (UTC+3)",
        "Язык: русский",
        "Сводки приходят по рабочим дням.",
      ].join("\n"),
    );
    expect(v.reply_markup.inline_keyboard.flat().map((b) => b.text)).toEqual([
      "🕘 Время сводки",
      "🌍 Часовой пояс",
      "✓ Русский",
      "English",
      "⏸ Приостановить сводки",
    ]);
    for (const d of data(v)) expect(parseSettingsData(d)).not.toBeNull();
    const paused = renderSettings({ ...base, paused: true, timezone: "Asia/Vladivostok" }, t);
    expect(paused.text).toContain("Утренняя сводка: 09:00, Владивосток (UTC+10)");
    expect(paused.text).toContain("⏸ Сводки приостановлены.");
    expect(data(paused)).toContain("s:resume");
  });

  it("offers the digest times 07:00…10:00 and a typed one", () => {
    const v = renderSettings({ ...base, screen: "time", digestTime: "08:00" }, t);
    const labels = v.reply_markup.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual([
      "07:00",
      "07:30",
      "✓ 08:00",
      "08:30",
      "09:00",
      "09:30",
      "10:00",
      "✏ Другое время",
      "← Назад",
    ]);
    expect(parseSettingsData(data(v)[3] as string)).toEqual({ kind: "time_set", time: "08:30" });
    expect(parseSettingsData(data(v)[7] as string)).toEqual({ kind: "time_input" });
  });

  it("lists the Russian zones by city with their offsets", () => {
    const v = renderSettings({ ...base, screen: "tz", timezone: "Europe/Samara" }, t);
    const labels = v.reply_markup.inline_keyboard.flat().map((b) => b.text);
    expect(labels.slice(0, 12)).toEqual([
      "Калининград UTC+2",
      "Москва UTC+3",
      "✓ Самара UTC+4",
      "Екатеринбург UTC+5",
      "Омск UTC+6",
      "Новосибирск UTC+7",
      "Красноярск UTC+7",
      "Иркутск UTC+8",
      "Якутск UTC+9",
      "Владивосток UTC+10",
      "Магадан UTC+11",
      "Камчатка UTC+12",
    ]);
    for (const d of data(v)) {
      expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
      expect(parseSettingsData(d)).not.toBeNull();
    }
    expect(parseSettingsData(data(v)[9] as string)).toEqual({ kind: "tz_set", zone: "Asia/Vladivostok" });
    expect(v.text).toContain("Самара (UTC+4)");
  });

  it("shows a zone outside the list by its IANA name, in English too", () => {
    const en = renderSettings({ ...base, timezone: "Asia/Tashkent", language: "en" }, translator("en"));
    expect(en.text).toContain("Time zone: Asia/Tashkent (UTC+5)");
    expect(en.text).toContain("Language: English");
    expect(en.reply_markup.inline_keyboard.flat().map((b) => b.text)).toContain("✓ English");
  });
});

describe("typed values", () => {
  it.each([
    ["08:15", "08:15"],
    ["8:15", "08:15"],
    [" 07.30 ", "07:30"],
    ["0945", "09:45"],
    ["23:59", "23:59"],
    ["24:00", null],
    ["9", null],
    ["восемь", null],
    ["08:60", null],
  ])("time %j → %j", (input, want) => {
    expect(parseTypedTime(input)).toBe(want);
  });

  const names = (key: string) => [
    translator("ru")(`settings-city-${key}`),
    translator("en")(`settings-city-${key}`),
  ];
  it.each([
    ["Новосибирск", "Asia/Novosibirsk"],
    ["москва", "Europe/Moscow"],
    ["Vladivostok", "Asia/Vladivostok"],
    ["asia/omsk", "Asia/Omsk"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["Ижевск", "Europe/Samara"],
    ["удмуртия", "Europe/Samara"],
    ["г. Дальнереченск", "Asia/Vladivostok"],
    ["Санкт-Петербург", "Europe/Moscow"],
    ["UTC+4", "Europe/Samara"],
    ["utc +10", "Asia/Vladivostok"],
    ["+7", "Asia/Novosibirsk"],
    ["МСК+7", "Asia/Vladivostok"],
    ["мск", "Europe/Moscow"],
    ["UTC+1", null],
    ["UTC", null],
    ["Mars/Olympus", null],
    ["Москва; DROP TABLE users", null],
    ["", null],
  ])("zone %j → %j", (input, want) => {
    expect(parseTypedZone(input, names)).toBe(want);
  });

  it("stores a three-part IANA name in the spelling ICU gives it", () => {
    expect(parseTypedZone("America/Argentina/Buenos_Aires", names)).toMatch(
      /^America\/(Argentina\/)?Buenos_Aires$/,
    );
  });

  it("knows twelve Russian zones, all valid", () => {
    expect(RUSSIAN_ZONES).toHaveLength(12);
    for (const z of RUSSIAN_ZONES) expect(parseTypedZone(z.zone, names)).toBe(z.zone);
  });
});
