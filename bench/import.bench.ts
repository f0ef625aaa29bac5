// Reading plans fast enough: text plans at ≥ 1 MB/s (the five seeds, each read over and over, and
// each repeated into one large document, which exposes anything quadratic), and a 500-item .docx
// (generated here with the `docx` library) read in < 0.5 s.

import { readdirSync, readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { readPlan } from "../src/domain/plan/read-plan.js";
import { SEEDS_DIR } from "../test/support/shared-dir.js";

const SEEDS = SEEDS_DIR;
const TEXT_TARGET_MB_S = 1;
const DOCX_TARGET_MS = 500;
const LARGE_DOCUMENT_BYTES = 512 * 1024;

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}

export async function run(): Promise<void> {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${SEEDS}${name}`)) }));
  for (const s of seeds) await readPlan(s.bytes, s.name); // warm-up, and each seed must read

  // 1. The five seeds, one after another, for about two seconds.
  let bytes = 0;
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const s of seeds) {
      await readPlan(s.bytes, s.name);
      bytes += s.bytes.length;
    }
    rounds++;
  }
  const seedRate = bytes / 1024 / 1024 / ((performance.now() - started) / 1000);
  console.log(
    `text, seeds one by one: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${rounds} rounds of ${seeds.length} seeds` +
      ` → ${seedRate.toFixed(2)} MB/s (target ≥ ${TEXT_TARGET_MB_S}) ${verdict(seedRate >= TEXT_TARGET_MB_S)}`,
  );

  // 2. Each seed repeated into one large document.
  let largeBytes = 0;
  let largeMs = 0;
  for (const s of seeds) {
    const text = new TextDecoder().decode(s.bytes);
    const large = new TextEncoder().encode(text.repeat(Math.ceil(LARGE_DOCUMENT_BYTES / s.bytes.length)));
    const t0 = performance.now();
    const plan = await readPlan(large, s.name);
    const ms = performance.now() - t0;
    largeBytes += large.length;
    largeMs += ms;
    console.log(
      `  ${s.name} ×${Math.ceil(LARGE_DOCUMENT_BYTES / s.bytes.length)}: ${(large.length / 1024).toFixed(0)} KB,` +
        ` ${plan.items.length} items in ${ms.toFixed(0)} ms`,
    );
  }
  const largeRate = largeBytes / 1024 / 1024 / (largeMs / 1000);
  console.log(
    `text, large documents: ${(largeBytes / 1024 / 1024).toFixed(1)} MB → ${largeRate.toFixed(2)} MB/s` +
      ` (target ≥ ${TEXT_TARGET_MB_S}) ${verdict(largeRate >= TEXT_TARGET_MB_S)}`,
  );

  // 3. A 500-item Word plan.
  const docx = await buildDocx(500);
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    items = (await readPlan(docx, "plan-500.docx")).items.length;
    times.push(performance.now() - t0);
  }
  const first = times[0]!;
  const median = [...times].sort((a, b) => a - b)[2]!;
  const docxOk = first < DOCX_TARGET_MS && items === 500;
  console.log(
    `docx, 500 items (${(docx.length / 1024).toFixed(0)} KB, ${items} items read): first read ${first.toFixed(0)} ms,` +
      ` median of 5 ${median.toFixed(0)} ms (target < ${DOCX_TARGET_MS} ms, judged on the first read) ${verdict(docxOk)}`,
  );

  if (seedRate < TEXT_TARGET_MB_S || largeRate < TEXT_TARGET_MB_S || !docxOk) process.exitCode = 1;
}

const DEADLINES = [
  "до 30.09.2025",
  "01.11.2025- 05.11.2025",
  "1 раз в квартал",
  "постоянно",
  "март, июль, декабрь",
  "в течение 10 дней со дня поступления информации о результатах НОКО",
  "по мере необходимости",
  "IV квартал 2025 г.",
  "ежемесячно до 5 числа",
  "январь -\nмарт",
];
const EXECUTORS = [
  "Министерство образования",
  "Муниципальные\nорганизаторы",
  "Организация-оператор, Общественный совет",
  "Руководители ОО",
  "Региональные координаторы\nБелокурова И.В.",
];

function cell(text: string, columnSpan?: number): TableCell {
  return new TableCell({
    columnSpan,
    children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })),
  });
}

/** A plan as Word makes it: title, a table with a header row, sections merged across, footnote. */
async function buildDocx(itemCount: number): Promise<Uint8Array> {
  const rows = [
    new TableRow({
      tableHeader: true,
      children: [
        "№ п/п",
        "Наименование мероприятия",
        "Срок исполнения",
        "Ответственный исполнитель",
        "Планируемый результат",
      ].map((h) => cell(h)),
    }),
  ];
  const perSection = 50;
  for (let i = 0; i < itemCount; i++) {
    const section = Math.floor(i / perSection) + 1;
    if (i % perSection === 0) {
      rows.push(
        new TableRow({
          children: [
            cell(`${section}.`),
            cell(`Раздел ${section}. Мероприятия по направлению ${section}`, 4),
          ],
        }),
      );
    }
    const n = (i % perSection) + 1;
    rows.push(
      new TableRow({
        children: [
          cell(`${section}.${n}.`),
          cell(
            `Мероприятие ${section}.${n}: подготовка и проведение совещания с руководителями образовательных организаций по вопросу ${i + 1}`,
          ),
          cell(DEADLINES[i % DEADLINES.length]!),
          cell(EXECUTORS[i % EXECUTORS.length]!),
          cell(i % 3 === 0 ? "Протокол заседания" : "Информационное письмо"),
        ],
      }),
    );
  }
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "ПЛАН МЕРОПРИЯТИЙ", bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "по повышению качества образования в 2025 году", bold: true })],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          new Paragraph({ children: [new TextRun("* ОО – образовательные организации")] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
