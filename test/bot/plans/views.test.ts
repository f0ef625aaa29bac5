// The plan and event screens as pure functions, over the real Fluent files (a missing key throws):
// plurals, warnings cut to the first few, HTML escaping, message and button-data limits; the
// button data parser; the date a coordinator types for an event.
import { readFileSync } from "node:fs";
import { I18n } from "@grammyjs/i18n";
import { describe, expect, it } from "vitest";
import type { EventOccurrence } from "../../../db/queries/publish.js";
import { parseEventsData } from "../../../src/bot/features/events/callback-data.js";
import { parseEventDate } from "../../../src/bot/features/events/events.js";
import { occurrenceLine, renderEventRecorded } from "../../../src/bot/features/events/view.js";
import {
  type PlansButton,
  parsePlansData,
  plansData,
} from "../../../src/bot/features/plans/callback-data.js";
import { deadlineContextOf, readTypedDeadline } from "../../../src/bot/features/plans/fix.js";
import { describeDeadline } from "../../../src/bot/features/plans/fix-view.js";
import {
  periodText,
  renderPlansList,
  renderPreview,
  renderPublished,
} from "../../../src/bot/features/plans/view.js";
import type { Deadline, ParsedPlan, PlanItem } from "../../../src/domain/plan/types.js";
import type { Translate } from "../../../src/domain/text/translate.js";

const root = new URL("../../../locales/", import.meta.url);
const i18n = new I18n({ defaultLocale: "ru", fluentBundleOptions: { useIsolating: false } });
for (const locale of ["ru", "en"]) {
  const source = ["plans", "events"]
    .map((f) => readFileSync(new URL(`${locale}/${f}.ftl`, root), "utf8"))
    .join("\n");
  i18n.loadLocaleSync(locale, { source, bundleOptions: { useIsolating: false } });
}
function translator(locale: string): Translate {
  return (key, vars) => {
    const text = i18n.t(locale, key, vars);
    if (text === key) throw new Error(`missing translation ${locale}:${key}`);
    return text;
  };
}
const t = translator("ru");
const en = translator("en");

const dated = (due: string): Deadline => ({
  raw: due,
  kind: "dated",
  occurrences: [{ start: null, due }],
  relative: null,
});
const unparsed: Deadline = { raw: "когда-нибудь", kind: "unparsed", occurrences: [], relative: null };

function item(n: number, deadline: Deadline, title = `Мероприятие ${n}`): PlanItem {
  return {
    number: String(n),
    parent: null,
    section: null,
    title,
    deadline,
    executors: [{ name: "Организация-оператор", people: [] }],
    result: null,
  };
}

function plan(over: Partial<ParsedPlan> = {}): ParsedPlan {
  return {
    title: "План на 2021 год",
    period: { start: "2021-01-01", end: "2021-12-31" },
    glossary: [],
    sections: [],
    items: [item(1, dated("2021-09-30"))],
    roles: [{ name: "Организация-оператор", aliases: [], items: 1 }],
    warnings: [],
    ...over,
  };
}

const roles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `Роль ${i}`, aliases: [], items: 1 }));
const sections = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ number: String(i + 1), title: `Раздел ${i}` }));
const items = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1, dated("2021-09-30")));

describe("the preview", () => {
  it("words counts with Russian plurals", () => {
    const line = (p: ParsedPlan) =>
      renderPreview({ draftId: 1, plan: p, sameTitle: null, published: 0 }, t).text.split("\n")[1];
    expect(line(plan())).toBe("Период: 2021 · 1 пункт · 1 роль исполнителей");
    expect(line(plan({ items: items(3), sections: sections(1), roles: roles(4) }))).toBe(
      "Период: 2021 · 3 пункта в 1 разделе · 4 роли исполнителей",
    );
    expect(line(plan({ items: items(21), sections: sections(2), roles: roles(11) }))).toBe(
      "Период: 2021 · 21 пункт в 2 разделах · 11 ролей исполнителей",
    );
    expect(line(plan({ items: items(5), sections: sections(5), roles: roles(22) }))).toBe(
      "Период: 2021 · 5 пунктов в 5 разделах · 22 роли исполнителей",
    );
  });

  it("shows the first five warnings, counts the rest, escapes plan text", () => {
    const warnings = Array.from({ length: 8 }, (_, i) => ({
      item: i === 0 ? null : String(i),
      message: `Проверьте <${i}> & «это»`,
    }));
    const screen = renderPreview(
      {
        draftId: 7,
        plan: plan({ title: "План <*> «Р&Д» на 2021 год", items: [item(1, unparsed)], warnings }),
        sameTitle: { id: 3, publishedOn: "12.03" },
        published: 2,
      },
      t,
    );
    const lines = screen.text.split("\n");
    expect(lines[0]).toBe("📄 <b>План &lt;*&gt; «Р&amp;Д» на 2021 год</b>");
    expect(lines[2]).toBe("Сроки: не прочитано: 1");
    expect(lines[3]).toBe("⚠ Проверьте &lt;0&gt; &amp; «это»");
    expect(lines[4]).toBe("⚠ Пункт 1: Проверьте &lt;1&gt; &amp; «это»");
    expect(lines.filter((l) => l.startsWith("⚠"))).toHaveLength(5);
    expect(lines).toContain("…и ещё 3 предупреждения");
    expect(screen.text).toContain("План с таким названием уже опубликован (12.03)");
    expect(
      screen.reply_markup?.inline_keyboard
        .flat()
        .map((b) => [b.text, (b as { callback_data: string }).callback_data]),
    ).toEqual([
      ["✅ Опубликовать", "pl:pub:7"],
      ["✏ Исправить сроки", "pl:fix:7"],
      ["🔁 Заменить другой план", "pl:pk:7:0"],
      ["✖ Отмена", "pl:cn:7"],
    ]);
  });

  it("stays within Telegram's 4096 characters with a huge title and long warnings", () => {
    const long = "Очень длинное название мероприятия ".repeat(200);
    const screen = renderPreview(
      {
        draftId: Number.MAX_SAFE_INTEGER,
        plan: plan({
          title: long,
          warnings: Array.from({ length: 100 }, () => ({ item: "1.1.1", message: long })),
        }),
        sameTitle: { id: 1, publishedOn: "12.03.2024" },
        published: 1,
        note: "Исправлено: 1 · пропущено: 0",
      },
      t,
    );
    expect(screen.text.length).toBeLessThan(4096);
    for (const b of screen.reply_markup!.inline_keyboard.flat())
      expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it("reads periods as people write them", () => {
    expect(periodText({ start: "2016-01-01", end: "2018-12-31" }, t)).toBe("2016–2018");
    expect(periodText({ start: "2021-09-01", end: "2022-08-31" }, t)).toBe("2021/2022 учебный год");
    expect(periodText({ start: "2021-03-01", end: "2021-06-30" }, t)).toBe("01.03.2021 – 30.06.2021");
  });

  it("has every text in English too", () => {
    const screen = renderPreview(
      { draftId: 1, plan: plan({ items: [item(1, unparsed)] }), sameTitle: null, published: 1 },
      en,
    );
    expect(screen.text).toContain("Period: 2021 · 1 item · 1 executor role");
    expect(screen.text).toContain("Deadlines: not read: 1");
  });
});

describe("publish result and /plans", () => {
  it("says what replacing kept, changed and added", () => {
    const text = renderPublished(
      "План",
      {
        planId: 2,
        roles: 3,
        rolesCreated: ["Новая роль"],
        unitsCreated: 1,
        occurrences: 9,
        assignments: 12,
        waitingForEvents: 1,
        replaced: { planId: 1, unchanged: 5, changed: 2, added: 1, removed: 0, carried: 4, reports: 2 },
      },
      t,
    ).text;
    expect(text.split("\n")).toEqual([
      "🔁 План заменён новой версией: «План»",
      "Без изменений: 5 пунктов, сохранено отметок: 4",
      "Изменено: 2 (открыты заново) · новых: 1 · убрано: 0",
      "Отчёты перенесены: 2",
      "Ролей исполнителей: 3 (новых: 1)",
      "Назначено исполнителям: 12",
      "Ждут события: 1 пункт — дату события запишите командой /event",
      "Пригласите исполнителей новых ролей: /invite",
    ]);
  });

  it("lists plans by page with a button per draft", () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({
      plan: {
        id: i + 1,
        title: `План ${i + 1}`,
        status: (i === 0 ? "draft" : "published") as "draft" | "published",
        periodStart: "2021-01-01",
        periodEnd: "2021-12-31",
        sourceName: null,
        createdBy: 1,
        createdAt: "2021-03-12T06:00:00Z",
        publishedAt: null,
        replacesPlanId: null,
        items: 3,
        sections: 0,
        assignments: 6,
      },
      counts: { assignments: 6, done: 2, unparsed: i === 0 ? 1 : 0 },
      date: "12.03",
    }));
    const first = renderPlansList(entries, 0, t);
    expect(first.text).toContain("📋 Планы: 10");
    expect(first.text).toContain("📝 <b>План 1</b>\nчерновик от 12.03 · 3 пункта · не прочитано сроков: 1");
    expect(first.text).toContain("📄 <b>План 2</b>\nопубликован 12.03 · 3 пункта · выполнено 2 из 6");
    expect(first.text).not.toContain("План 9");
    const buttons = first
      .reply_markup!.inline_keyboard.flat()
      .map((b) => (b as { callback_data: string }).callback_data);
    expect(buttons).toEqual(["pl:pv:1", "pl:ls:1"]);
    expect(renderPlansList(entries, 1, t).text).toContain("План 10");
  });
});

describe("button data", () => {
  it("round-trips and refuses forged values", () => {
    const all: PlansButton[] = [
      { t: "pub", draft: 1 },
      { t: "rp", draft: 12, old: 7 },
      { t: "pk", draft: 3, page: 0 },
      { t: "fy", draft: 3, item: 99 },
      { t: "ls", page: 2 },
    ];
    for (const b of all) expect(parsePlansData(plansData(b))).toEqual(b);
    for (const bad of [
      "pl:pub:0",
      "pl:pub:-1",
      "pl:pub:1.5",
      "pl:pub",
      "pl:rp:1",
      "pl:ls:10000",
      "pl:constructor:1",
      `pl:pub:${"9".repeat(70)}`,
    ])
      expect(parsePlansData(bad)).toBeNull();
    expect(parseEventsData("evt:pk:5")).toEqual({ t: "pk", item: 5 });
    expect(parseEventsData("evt:pk:0")).toBeNull();
    expect(parseEventsData("evt:xx:5")).toBeNull();
  });
});

describe("deadlines typed in the fixing dialogue", () => {
  const ctx = deadlineContextOf(plan({ items: [item(1, dated("2021-09-30")), item(2, unparsed)] }));

  it("are read in the plan's context and described back", () => {
    const read = (s: string) => {
      const r = readTypedDeadline(s, ctx);
      return r ? describeDeadline(r.deadline, t) : null;
    };
    expect(read("до 15.10.2021")).toBe("до 15.10.2021");
    expect(read("01.11.2021 - 05.11.2021")).toBe("с 01.11.2021 по 05.11.2021");
    expect(read("постоянно")).toBe("постоянно, весь период с 01.01.2021 по 31.12.2021");
    expect(read("1 раз в полугодие")).toBe(
      "регулярно, 2 срока: первый с 01.01.2021 по 30.06.2021, последний до 31.12.2021",
    );
    expect(read("не позднее чем за 30 дней до проведения конференции")).toBe(
      "за 30 дней до события «проведения конференции»",
    );
    expect(read("за 5 рабочих дней до заседания совета")).toBe(
      "за 5 рабочих дней до события «заседания совета»",
    );
    expect(read("по мере необходимости")).toBe("по мере необходимости, без срока");
    expect(read("абы как")).toBeNull();
    expect(read("   ")).toBeNull();
  });
});

describe("/event", () => {
  it("reads typed dates and refuses future ones", () => {
    const today = "2020-10-06";
    expect(parseEventDate("04.10.2020", today)).toEqual({ ok: true, date: "2020-10-04" });
    expect(parseEventDate("4.10.20", today)).toEqual({ ok: true, date: "2020-10-04" });
    expect(parseEventDate("04.10.2020 г.", today)).toEqual({ ok: true, date: "2020-10-04" });
    expect(parseEventDate("Сегодня", today)).toEqual({ ok: true, date: today });
    expect(parseEventDate("вчера", today)).toEqual({ ok: true, date: "2020-10-05" });
    expect(parseEventDate("07.10.2020", today)).toEqual({ ok: false, reason: "future" });
    expect(parseEventDate("29.02.2019", today)).toEqual({ ok: false, reason: "invalid" });
    expect(parseEventDate("в понедельник", today)).toEqual({ ok: false, reason: "format" });
  });

  it("says how each deadline was counted", () => {
    const o = (relative: EventOccurrence["relative"], due: string): EventOccurrence => ({
      occurrenceId: 1,
      planId: 1,
      itemId: 1,
      itemNumber: "4.3",
      itemTitle: "x",
      start: null,
      due,
      relative,
    });
    const waitAfter = (days: number | null, business = false) => ({
      days,
      business,
      after: "событие",
      before: null,
    });
    expect(occurrenceLine(o(waitAfter(10), "2020-10-14"), "2020-10-06", t)).toBe(
      "Пункт 4.3: до 14.10 (10 дней)",
    );
    expect(occurrenceLine(o(waitAfter(1), "2020-10-05"), "2020-10-06", t)).toBe(
      "Пункт 4.3: до 05.10 (1 день)",
    );
    expect(occurrenceLine(o(waitAfter(5, true), "2020-10-12"), "2020-10-06", t)).toBe(
      "Пункт 4.3: до 12.10 (5 рабочих дней)",
    );
    expect(occurrenceLine(o(waitAfter(null), "2021-10-04"), "2020-10-06", t)).toBe(
      "Пункт 4.3: до 04.10.2021 (в день события)",
    );
    const before = { days: 30, business: false, after: null, before: "начала года" };
    expect(occurrenceLine(o(before, "2020-08-02"), "2020-10-06", t)).toBe(
      "Пункт 4.3: до 02.08 (за 30 дней до события)",
    );
    expect(occurrenceLine(o(waitAfter(3), "2020-10-09"), "2020-10-06", en)).toBe(
      "Item 4.3: by 09.10 (3 days)",
    );
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...o(waitAfter(10), "2020-10-14"),
      planId: (i % 3) + 1,
      itemNumber: `${i}.1`,
    }));
    const long = renderEventRecorded(
      {
        name: "Y",
        date: "2020-10-04",
        occurrences: many,
        planTitles: new Map([1, 2, 3].map((id) => [id, `План ${id} `.repeat(30)])),
        today: "2020-10-06",
        locale: "ru",
      },
      t,
    ).text;
    expect(long.length).toBeLessThan(4096);
    expect(long).toMatch(/\n…и ещё \d+ строк[аи]?$/);
    const text = renderEventRecorded(
      {
        name: "X",
        date: "2020-10-04",
        occurrences: [],
        planTitles: new Map(),
        today: "2020-10-06",
        locale: "ru",
      },
      t,
    ).text;
    expect(text).toBe(
      "✅ Записано: «X» — 04.10.2020.\nНовых сроков нет: это событие с этой датой уже было записано.",
    );
  });
});
