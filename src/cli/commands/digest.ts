// `srok digest run [--date YYYY-MM-DD]`: builds the daily digests (and coordinators' summaries)
// due now — or, with --date, everyone's for that day whatever their local time — and delivers
// them through the same outbox and worker as the bot's scheduler. Never twice for one user and
// day: the outbox key and the digest log make a second run (or the bot's tick) queue nothing.
import { Api } from "grammy";
import { z } from "zod";
import { outboxRowsByIds } from "../../../db/queries/outbox.js";
import { russianCalendar } from "../../domain/calendar/index.js";
import { plural } from "../../domain/text/plural.js";
import { queueDueDigests, queueDueSummaries } from "../../jobs/daily.js";
import { createDeliveryWorker } from "../../jobs/delivery.js";
import { jobTexts } from "../../jobs/texts.js";
import { CliError, loadConfig, parseCommand, print, usageError, withDatabase } from "../support.js";

const USAGE = "digest run [--date YYYY-MM-DD]";
/** How long to wait for the queued messages to be delivered (Telegram: 30 per second). */
const DELIVERY_TIMEOUT_MS = 30 * 60_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "--date — дата в виде ГГГГ-ММ-ДД, например 2021-10-25")
  .refine(
    (d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d,
    "--date — такой даты нет в календаре",
  );

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    usage: USAGE,
    options: { date: { type: "string" } },
    positionals: z.tuple(
      [z.literal("run", { error: `неизвестное действие; использование: srok ${USAGE}` })],
      {
        error: `укажите действие run`,
      },
    ),
  });
  let day: string | undefined;
  if (values.date !== undefined) {
    const parsed = isoDate.safeParse(values.date);
    if (!parsed.success) throw usageError(`${parsed.error.issues[0]?.message}; использование: srok ${USAGE}`);
    day = parsed.data;
  }
  const config = await loadConfig();
  const token = config.botToken;
  if (!token) throw new CliError("BOT_TOKEN не задан: без него дайджесты не отправить");
  if (day && !russianCalendar.isWorkingDay(day)) {
    print(`${day} — нерабочий день по производственному календарю: дайджестов нет.`);
    return 0;
  }

  return withDatabase(config, async (db) => {
    const now = new Date();
    const ctx = {
      db,
      defaults: { timezone: config.defaultTimezone, digestTime: config.digestTime },
      calendar: russianCalendar,
      texts: jobTexts(),
    };
    const digests = await queueDueDigests(ctx, now, day);
    const summaries = await queueDueSummaries(ctx, now, day);
    print(
      `Дайджесты${day ? ` на ${day}` : ""}: поставлено в очередь ${digests.queued}, без новостей ${digests.empty}; ` +
        `сводки координаторам: ${summaries.queued}.`,
    );
    const ids = [...new Set([...digests.outboxIds, ...summaries.outboxIds])];
    if (ids.length === 0) return 0;

    const worker = createDeliveryWorker({
      db,
      api: new Api(token, { apiRoot: config.botApiRoot }),
      clock: () => new Date(),
    });
    const settled = await worker.drain({ ids, timeoutMs: DELIVERY_TIMEOUT_MS });
    await worker.stop();

    const rows = await outboxRowsByIds(db, ids);
    const sent = rows.filter((r) => r.status === "sent").length;
    const failed = rows.filter((r) => r.status === "failed");
    const waiting = rows.length - sent - failed.length;
    print(
      `Доставлено: ${sent} · не доставлено: ${failed.length} · ещё в очереди: ${waiting}` +
        ` (из ${plural(rows.length, "сообщения", "сообщений", "сообщений")}).`,
    );
    const reasons = new Map<string, number>();
    for (const f of failed) {
      const reason = f.last_error ?? "причина не записана";
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, n] of reasons) print(`  ${n} × ${reason}`);
    if (!settled) throw new CliError("не все сообщения доставлены за отведённое время; бот дошлёт их сам");
    return 0;
  });
}
