// The human-readable preview of a parsed plan (`srok import FILE` without --json), in Russian.
import type { DeadlineKind, ParsedPlan, Period } from "../domain/plan/types.js";
import { plural, pluralForm } from "../domain/text/plural.js";

const KIND_WORDS: [DeadlineKind, string][] = [
  ["dated", "с датами"],
  ["recurring", "регулярно"],
  ["continuous", "постоянно"],
  ["relative", "после события"],
  ["on_demand", "по мере необходимости"],
  ["none", "без срока"],
];

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** «2021», «2016–2018», «2021/2022 учебный год», else «01.03.2021 – 30.06.2021». */
export function formatPeriod(p: Period): string {
  const [sy, sm] = [p.start.slice(0, 4), p.start.slice(5)];
  const [ey, em] = [p.end.slice(0, 4), p.end.slice(5)];
  if (sm === "01-01" && em === "12-31") return sy === ey ? sy : `${sy}–${ey}`;
  if (sm === "09-01" && em === "08-31" && Number(ey) === Number(sy) + 1) return `${sy}/${ey} учебный год`;
  return `${dmy(p.start)} – ${dmy(p.end)}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " / ").trim();
}

function short(s: string, max = 60): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The preview: title, period, counts, deadlines by kind, unreadable deadlines, roles, warnings. */
export function renderPreview(plan: ParsedPlan): string {
  const lines: string[] = [];
  lines.push(plan.title || "(без названия)");
  lines.push(`Период: ${formatPeriod(plan.period)}`);
  const sections = plan.sections.length;
  const inSections =
    sections > 0 ? ` в ${sections} ${pluralForm(sections, "разделе", "разделах", "разделах")}` : "";
  lines.push(
    `${plural(plan.items.length, "пункт", "пункта", "пунктов")}${inSections} · ` +
      `${plural(plan.roles.length, "роль", "роли", "ролей")} исполнителей`,
  );

  const counts = new Map<DeadlineKind, number>();
  for (const item of plan.items) counts.set(item.deadline.kind, (counts.get(item.deadline.kind) ?? 0) + 1);
  const parts = KIND_WORDS.filter(([k]) => counts.get(k)).map(([k, word]) => `${counts.get(k)} ${word}`);
  parts.push(`не прочитано: ${counts.get("unparsed") ?? 0}`);
  lines.push(`Сроки: ${parts.join(" · ")}`);

  const unread = plan.items.filter((i) => i.deadline.kind === "unparsed");
  if (unread.length > 0) {
    lines.push("", "Не прочитаны сроки:");
    for (const i of unread)
      lines.push(`  пункт ${i.number} «${short(i.title)}»: «${oneLine(i.deadline.raw)}»`);
  }

  if (plan.roles.length > 0) {
    lines.push("", "Роли исполнителей:");
    for (const r of plan.roles) {
      const aliases = r.aliases.length > 0 ? ` (также: ${r.aliases.join(", ")})` : "";
      lines.push(`  ${r.name} — ${plural(r.items, "пункт", "пункта", "пунктов")}${aliases}`);
    }
  }

  if (plan.warnings.length > 0) {
    lines.push("", `Предупреждения (${plan.warnings.length}):`);
    for (const w of plan.warnings)
      lines.push(`  ⚠ ${w.item ? `пункт ${w.item}: ` : ""}${oneLine(w.message)}`);
  }
  return lines.join("\n");
}
