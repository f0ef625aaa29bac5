import { describe, expect, it } from "vitest";
import {
  composeDigest,
  type DigestInput,
  MAX_BUTTON_ENTRIES,
} from "../../../src/domain/digest/compose-digest.js";
import type { DigestEntry } from "../../../src/domain/digest/types.js";
import { plan000Entries, ROLES_000 } from "./plan-000.js";
import { calendar, callbacks, entry, texts } from "./support.js";

function digest(entries: DigestEntry[], today: string, over: Partial<DigestInput> = {}) {
  return composeDigest({
    user: { id: 7, language: "ru" },
    entries,
    today,
    calendar,
    t: texts("ru"),
    callbacks,
    ...over,
  });
}

/** Lines of the text between a section header and the next blank line or header. */
function section(text: string, header: string): string[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.startsWith(header));
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith(" ")) break;
    out.push(l);
  }
  return out;
}

const numbers = (lines: string[]) => lines.map((l) => /^ (\S+)\./.exec(l)?.[1]);

describe("composeDigest — plan 000 on Monday 2021-10-25, one user per role", () => {
  it("Организация-оператор: items 1 and 3 overdue with days late, item 9 due in 4 days", () => {
    const d = digest(plan000Entries(ROLES_000.O), "2021-10-25")!;
    expect(d.text.split("\n")[0]).toBe("Доброе утро! Сроки на понедельник, 25 октября");
    expect(d.text).toContain("<b>План-график проведения независимой оценки качества");
    expect(numbers(section(d.text, "🔴 Просрочено"))).toEqual(["1", "3"]);
    expect(d.text).toContain(
      " 1. Подготовка электронного пакета документов для… — срок был 30.09 (25 дней назад)",
    );
    expect(d.text).toContain("— срок был 08.10 (17 дней назад)");
    expect(section(d.text, "🟡 На этой неделе")).toEqual([
      " 9. Прием и регистрация заявок на проведение НОК ДОД — до пт, 29.10 (через 4 дня)",
    ]);
    // Items due 05.11 and later are not in the digest; nothing fell due over the weekend.
    expect(d.text).not.toMatch(/^ (2|4|5|10|13)\./m);
    expect(d.text).not.toContain("За выходные");
    // Continuous items 16 and 17: never confirmed, no digest yet this month.
    expect(numbers(section(d.text, "🔁 Подтвердите, что работа идёт, за октябрь"))).toEqual(["16", "17"]);
  });

  it("buttons: [✅ N] [📎 N] per entry two a row, 🔁 for a confirmation, [📋 Все задачи] last", () => {
    const d = digest(plan000Entries(ROLES_000.O), "2021-10-25")!;
    expect(d.buttons.map((row) => row.map((b) => b.text))).toEqual([
      ["✅ 1", "📎 1", "✅ 3", "📎 3"],
      ["✅ 9", "📎 9", "🔁 16", "🔁 17"],
      ["📋 Все задачи"],
    ]);
    expect(d.buttons[0]![0]!.callback_data).toBe("a:done:1100");
    expect(d.buttons[0]![1]!.callback_data).toBe("a:rep:1100");
    expect(d.buttons[1]![2]!.callback_data).toBe("a:conf:16100");
    expect(d.buttons[2]![0]!.callback_data).toBe("t:open");
    for (const b of d.buttons.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it("the other roles: ОМСУ 3 overdue and 7 this week; заказчик 6; уполномоченная 7; эксперты nothing", () => {
    const m = digest(plan000Entries(ROLES_000.M), "2021-10-25")!;
    expect(numbers(section(m.text, "🔴 Просрочено"))).toEqual(["3"]);
    expect(numbers(section(m.text, "🟡 На этой неделе"))).toEqual(["7"]);
    const z = digest(plan000Entries(ROLES_000.Z), "2021-10-25")!;
    expect(section(z.text, "🔴 Просрочено")).toEqual([]);
    expect(section(z.text, "🟡 На этой неделе")[0]).toMatch(/^ 6\. .* — до пт, 29\.10 \(через 4 дня\)$/);
    const u = digest(plan000Entries(ROLES_000.U), "2021-10-25")!;
    expect(numbers(section(u.text, "🟡 На этой неделе"))).toEqual(["7"]);
    // Эксперты: item 12 opens on 08.11 — nothing to say on 25.10, so no message at all.
    expect(digest(plan000Entries(ROLES_000.E), "2021-10-25")).toBeNull();
  });

  it("a window that opens today is said; on 2021-11-08 item 12 opens for Эксперты", () => {
    const d = digest(plan000Entries(ROLES_000.E), "2021-11-08")!;
    expect(section(d.text, "🟢 Начинается сегодня")).toEqual([
      " 12. Проведение экспертизы дополнительных общеобразовательных… — с сегодня до пт, 26.11",
    ]);
  });

  it("the monthly confirmation is asked in the first digest of a month only, and not once confirmed", () => {
    const o = plan000Entries(ROLES_000.O);
    const sameMonth = digest(o, "2021-10-26", { lastDigestDay: "2021-10-25" })!;
    expect(sameMonth.text).not.toContain("🔁");
    const newMonth = digest(o, "2021-11-01", { lastDigestDay: "2021-10-29" })!;
    expect(numbers(section(newMonth.text, "🔁 Подтвердите, что работа идёт, за ноябрь"))).toEqual([
      "16",
      "17",
    ]);
    const confirmed = o.map((e) => (e.kind === "continuous" ? { ...e, lastConfirmedOn: "2021-11-01" } : e));
    expect(digest(confirmed, "2021-11-01")!.text).not.toContain("🔁");
  });
});

describe("composeDigest — weekends and holidays", () => {
  // 1-4 May 2025 are days off (1 May holiday, 2 May moved by decree № 1335, then the weekend).
  const items = [
    entry({ itemNumber: "1", itemTitle: "Сдать отчёт", due: "2025-04-30" }),
    entry({ itemNumber: "2", itemTitle: "Протокол заседания", due: "2025-05-02" }),
    entry({ itemNumber: "3", itemTitle: "Мониторинг", due: "2025-05-04" }),
    entry({ itemNumber: "4", itemTitle: "Итоги", due: "2025-05-05" }),
  ];

  it("the first working day after the gap says what fell due during it", () => {
    const d = digest(items, "2025-05-05")!;
    expect(section(d.text, "🔴 Просрочено")).toEqual([" 1. Сдать отчёт — срок был 30.04 (5 дней назад)"]);
    expect(section(d.text, "🔴 За выходные наступил срок:")).toEqual([
      " 2. Протокол заседания — срок пт, 02.05",
      " 3. Мониторинг — срок вс, 04.05",
    ]);
    expect(section(d.text, "🟡 Сегодня")).toEqual([" 4. Итоги — срок сегодня"]);
  });

  it("after an ordinary working day there is no weekend section", () => {
    const d = digest(items, "2025-05-06")!;
    expect(d.text).not.toContain("За выходные");
    expect(numbers(section(d.text, "🔴 Просрочено"))).toEqual(["1", "2", "3", "4"]);
  });
});

describe("composeDigest — texts", () => {
  it("plurals of days late and days left", () => {
    const cases: [string, string][] = [
      ["2021-10-26", "срок был 26.10 (1 день назад)"],
      ["2021-10-25", "срок был 25.10 (2 дня назад)"],
      ["2021-10-22", "срок был 22.10 (5 дней назад)"],
      ["2021-10-06", "срок был 06.10 (21 день назад)"],
      ["2021-10-16", "срок был 16.10 (11 дней назад)"],
    ];
    // Wednesday 27.10: no weekend gap in front of it.
    for (const [due, text] of cases) expect(digest([entry({ due })], "2021-10-27")!.text).toContain(text);
    expect(digest([entry({ due: "2021-10-26" })], "2021-10-25")!.text).toContain("до вт, 26.10 (завтра)");
    expect(digest([entry({ due: "2021-10-27" })], "2021-10-25")!.text).toContain(
      "до ср, 27.10 (через 2 дня)",
    );
    expect(digest([entry({ due: "2021-11-01" })], "2021-10-25")!.text).toContain(
      "до пн, 01.11 (через 7 дней)",
    );
  });

  it("the year is written only when it is not the current one", () => {
    const d = digest([entry({ due: "2022-01-03" })], "2021-12-30")!;
    expect(d.text).toContain("до пн, 03.01.2022 (через 4 дня)");
  });

  it("plan text is HTML-escaped (titles hold «<*>», & and quotes)", () => {
    const d = digest(
      [entry({ planTitle: "План <2021> & Co", itemTitle: 'Форма <*> "А" & Б', due: "2021-10-25" })],
      "2021-10-25",
    )!;
    expect(d.text).toContain("<b>План &lt;2021&gt; &amp; Co</b>");
    expect(d.text).toContain("Форма &lt;*&gt; &quot;А&quot; &amp; Б — срок сегодня");
    expect(d.text.replace(/<\/?b>/g, "")).not.toMatch(/<|>/);
  });

  it("groups by plan, names the unit when the reader has several, marks reports under review", () => {
    const d = digest(
      [
        entry({
          planId: 2,
          planTitle: "План Б",
          itemNumber: "4",
          due: "2021-10-27",
          unitId: 2,
          unitName: "Школа № 5",
        }),
        entry({ planId: 1, planTitle: "План А", itemNumber: "1", due: "2021-10-01", reviewState: "pending" }),
      ],
      "2021-10-25",
    )!;
    const lines = d.text.split("\n");
    expect(lines.indexOf("<b>План А</b>")).toBeLessThan(lines.indexOf("<b>План Б</b>"));
    expect(d.text).toContain("· <i>Школа № 5</i>");
    expect(d.text).toContain("(24 дня назад) · <i>Организация-оператор</i> 📎 отчёт на проверке");
  });

  it("the same item number in two plans gets buttons that tell them apart", () => {
    const d = digest(
      [
        entry({ planId: 1, planTitle: "НОК ДОД", itemNumber: "3", due: "2021-10-20" }),
        entry({ planId: 2, planTitle: "НОКО 2020", itemNumber: "3", due: "2021-10-21" }),
      ],
      "2021-10-25",
    )!;
    const labels = d.buttons.flat().map((b) => b.text);
    expect(labels).toContain("✅ 3 · НОК ДОД");
    expect(labels).toContain("✅ 3 · НОКО 2020");
  });

  it("occurrences of one recurring item get buttons named by their due date, as in /tasks", () => {
    const d = digest(
      [
        entry({ itemNumber: "16", itemTitle: "План работы", due: "2021-12-31" }),
        entry({ itemNumber: "16", itemTitle: "План работы", due: "2022-03-31" }),
        entry({ itemNumber: "16", itemTitle: "План работы", due: "2021-09-30" }),
      ],
      "2021-12-28",
    )!;
    const labels = d.buttons.flat().map((b) => b.text);
    expect(labels.filter((l) => l.startsWith("✅"))).toEqual(["✅ 16 · 30.09", "✅ 16 · 31.12"]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("the same number for two units and two occurrences each: unit, then date", () => {
    const d = digest(
      [
        entry({ itemNumber: "5", due: "2021-10-20", unitId: 1, unitName: "Школа № 1" }),
        entry({ itemNumber: "5", due: "2021-10-22", unitId: 1, unitName: "Школа № 1" }),
        entry({ itemNumber: "5", due: "2021-10-20", unitId: 2, unitName: "Школа № 2" }),
      ],
      "2021-10-25",
    )!;
    const labels = d.buttons.flat().map((b) => b.text);
    expect(labels).toContain("✅ 5 · Школа № 1 · 20.10");
    expect(labels).toContain("✅ 5 · Школа № 1 · 22.10");
    expect(labels).toContain("✅ 5 · Школа № 2");
  });

  it("the first line puts the weekday in the accusative after «на»: пятницу, среду, субботу", () => {
    const first = (today: string) => digest([entry({ due: today })], today)!.text.split("\n")[0];
    expect(first("2021-10-29")).toBe("Доброе утро! Сроки на пятницу, 29 октября");
    expect(first("2021-10-27")).toBe("Доброе утро! Сроки на среду, 27 октября");
    expect(first("2021-10-26")).toBe("Доброе утро! Сроки на вторник, 26 октября");
    // A working Saturday (20.02.2021 by the decree).
    expect(first("2021-02-20")).toBe("Доброе утро! Сроки на субботу, 20 февраля");
  });

  it("English texts", () => {
    const d = digest([entry({ itemNumber: "3", itemTitle: "Letters", due: "2021-10-08" })], "2021-10-25", {
      user: { id: 7, language: "en" },
      t: texts("en"),
    })!;
    expect(d.text.split("\n")[0]).toBe("Good morning! Deadlines for Monday, October 25");
    expect(d.text).toContain(" 3. Letters — was due 08.10 (17 days ago)");
    expect(d.buttons.at(-1)![0]!.text).toBe("📋 All tasks");
  });
});

describe("composeDigest — nothing to say, news, length", () => {
  it("null when everything is done, far off, on demand or confirmed", () => {
    const d = digest(
      [
        entry({ status: "done", due: "2021-10-01" }),
        entry({ due: "2021-12-01" }),
        entry({ kind: "on_demand", due: null }),
        entry({ kind: "continuous", start: "2021-01-01", due: "2021-12-31", lastConfirmedOn: "2021-10-02" }),
      ],
      "2021-10-25",
    );
    expect(d).toBeNull();
  });

  it("relative items whose event was recorded since the last digest are news; older ones are not", () => {
    const rel = entry({
      kind: "relative",
      itemNumber: "8",
      itemTitle: "Анализ результатов",
      due: "2021-11-15",
      eventName: "поступление информации о результатах НОКО",
      eventRecordedAt: "2021-10-22T12:00:00.000Z",
    });
    const fresh = digest([rel], "2021-10-25", { lastDigestAt: "2021-10-22T06:00:00.000Z" })!;
    expect(section(fresh.text, "🆕 Новые сроки")).toEqual([
      " 8. Анализ результатов — до пн, 15.11, после события «поступление информации о результатах НОКО»",
    ]);
    expect(digest([rel], "2021-10-26", { lastDigestAt: "2021-10-25T06:00:00.000Z" })).toBeNull();
  });

  it("a long digest stays one message under 4096 characters, keeps the most urgent, says «и ещё N»", () => {
    const many: DigestEntry[] = [];
    for (let i = 1; i <= 150; i++) {
      many.push(
        entry({
          itemNumber: `${i}`,
          itemTitle: `Очень длинное название мероприятия номер ${i} с подробностями и приложениями`,
          // The first 120 are due later this week, the last 30 are overdue: overdue must survive.
          due: i <= 120 ? "2021-10-29" : "2021-10-01",
        }),
      );
    }
    const d = digest(many, "2021-10-25")!;
    expect(d.text.length).toBeLessThanOrEqual(4096);
    const shown = d.text.split("\n").filter((l) => /^ \d+\./.test(l)).length;
    const more = /…и ещё (\d+) пункт(а|ов)? — все в «Все задачи»$/.exec(d.text);
    expect(more).not.toBeNull();
    expect(shown + Number(more![1])).toBe(150);
    expect(numbers(section(d.text, "🔴 Просрочено"))).toHaveLength(30);
    const entriesWithButtons = d.buttons.flat().filter((b) => b.callback_data.startsWith("a:done:"));
    expect(entriesWithButtons).toHaveLength(MAX_BUTTON_ENTRIES);
    // The buttons are for overdue entries (121…), the most urgent.
    expect(entriesWithButtons.every((b) => Number(b.text.slice(2)) > 120)).toBe(true);
    expect(d.buttons.at(-1)![0]!.callback_data).toBe("t:open");
  });
});
