// A document (text blocks and tables, from any format reader) → the structured plan.
import { periodFromTitle, readDeadline, scanExplicitDates } from "../deadline/index.js";
import { buildExecutorVocabulary, readExecutors } from "../executors/index.js";
import {
  type Columns,
  findHeader,
  type Header,
  isColumnNumbersRow,
  isRepeatedHeader,
  roleOfHeader,
} from "./columns.js";
import type { DeadlineContext } from "./deadline-context.js";
import { footnoteEntries, furtherEntries, mergeGlossary } from "./glossary.js";
import { ancestors, type ParsedNumber, parseNumber, splitLeadingNumber } from "./numbering.js";
import { cleanText, foreignWords } from "./plan-text.js";
import { readTextDocument } from "./text-layout.js";
import { findTitle, shorten } from "./title.js";
import type {
  Deadline,
  Executor,
  GlossaryEntry,
  IsoDate,
  ParsedPlan,
  Period,
  PlanItem,
  PlanRole,
  PlanSection,
  PlanWarning,
  RawDocument,
  RawRow,
} from "./types.js";

export interface AssembleOptions {
  /** End of the academic year as `MM-DD`, for «до конца учебного года» (default "05-31"). */
  academicYearEnd?: string;
  /** The year to assume when neither the title nor the table names one (e.g. the current year). */
  fallbackYear?: number;
}

/** An item as the table gives it, before its cells are read. */
interface ItemDraft {
  number: string;
  parent: string | null;
  section: string | null;
  title: string;
  deadlineRaw: string;
  executorsRaw: string;
  resultRaw: string;
  /** Number written with a bracket («1)»), for nesting under the item before. */
  bracket: boolean;
}

/** What walking the tables collects. */
interface Collected {
  sections: PlanSection[];
  items: ItemDraft[];
  hasResultColumn: boolean;
  hasExecutorColumn: boolean;
  hasDeadlineColumn: boolean;
  warnings: PlanWarning[];
  /** Paragraphs before the first plan table (title candidates) and all paragraphs (glossary). */
  before: string[];
  after: string[];
  /** Cells of the plan tables, for «(далее …)» and unreadable text. */
  cells: string[];
}

/**
 * Reads the plan out of a document: finds the plan tables by their headers (skipping others with
 * a warning), sections, items with their parents, the title, the period, the glossary, deadlines
 * (via the deadline reader) and executors (via the executor reader, with the plan's vocabulary),
 * roles, and warnings in Russian for the coordinator. Pure and linear in the size of the document.
 */
export function assemblePlan(doc: RawDocument, options: AssembleOptions = {}): ParsedPlan {
  const collected = collect(doc);
  const warnings: PlanWarning[] = [];
  const planWarning = (message: string) => warnings.push({ item: null, message });

  const { title, warnings: titleWarnings } = findTitle(collected.before);
  titleWarnings.forEach(planWarning);

  const glossary = collectGlossary(collected);
  const { period, schoolYear, periodWarnings, latest } = choosePeriod(title, collected, options);
  periodWarnings.forEach(planWarning);
  for (const w of junkWarnings(collected)) warnings.push(w);
  warnings.push(...collected.warnings);

  const ctx: DeadlineContext = {
    period,
    schoolYear,
    latestExplicitDate: latest,
    academicYearEnd: options.academicYearEnd ?? "05-31",
  };
  const vocabulary = buildExecutorVocabulary(
    collected.items.map((i) => i.executorsRaw),
    glossary,
  );
  const executorCache = new Map<string, { executors: Executor[]; warnings: string[] }>();
  const items: PlanItem[] = [];
  for (const draft of collected.items) {
    const itemWarning = (message: string) => warnings.push({ item: draft.number, message });
    const read = readDeadline(draft.deadlineRaw, ctx);
    const deadline = orderDeadline(read.deadline);
    read.warnings.forEach(itemWarning);
    if (deadline.kind === "unparsed" && read.warnings.length === 0) {
      itemWarning(`Срок не прочитан: «${shorten(cleanText(draft.deadlineRaw))}». Укажите его вручную.`);
    }
    let ex = executorCache.get(draft.executorsRaw);
    if (!ex) {
      ex = readExecutors(draft.executorsRaw, vocabulary);
      executorCache.set(draft.executorsRaw, ex);
    }
    ex.warnings.forEach(itemWarning);
    if (ex.executors.length === 0 && collected.hasExecutorColumn) {
      itemWarning("Не указан ответственный исполнитель.");
    }
    const result = cleanText(draft.resultRaw);
    items.push({
      number: draft.number,
      parent: draft.parent,
      section: draft.section,
      title: draft.title,
      deadline,
      executors: ex.executors.map((e) => ({ name: e.name, people: [...e.people] })),
      result: collected.hasResultColumn && result !== "" ? result : null,
    });
  }
  if (items.length > 0 && !collected.hasExecutorColumn) {
    planWarning("В таблице плана нет столбца ответственных — исполнителей нужно назначить вручную.");
  }
  if (items.length > 0 && !collected.hasDeadlineColumn) {
    planWarning("В таблице плана нет столбца сроков — у пунктов нет сроков.");
  }
  if (items.length === 0) {
    planWarning(
      "В документе не найдено ни одного пункта плана: нужна таблица со столбцами «Мероприятие», «Срок» и «Ответственный».",
    );
  }
  return {
    title,
    period,
    glossary,
    sections: collected.sections,
    items,
    roles: rolesOf(items, vocabulary.aliases),
    warnings,
  };
}

/** `parsePlanText(text)` = `assemblePlan(readTextDocument(text))`: a plan from a text export. */
export function parsePlanText(text: string, options: AssembleOptions = {}): ParsedPlan {
  return assemblePlan(readTextDocument(text), options);
}

/** The deadline with its keys in the order of the public JSON shape. */
function orderDeadline(d: Deadline): Deadline {
  return {
    raw: d.raw,
    kind: d.kind,
    occurrences: d.occurrences.map((o) => ({ start: o.start, due: o.due })),
    relative: d.relative
      ? {
          days: d.relative.days,
          business: d.relative.business,
          after: d.relative.after,
          before: d.relative.before,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Tables → sections and item drafts

function collect(doc: RawDocument): Collected {
  const out: Collected = {
    sections: [],
    items: [],
    hasResultColumn: false,
    hasExecutorColumn: false,
    hasDeadlineColumn: false,
    warnings: [],
    before: [],
    after: [],
    cells: [],
  };
  const walker = new TableWalker(out);
  let seenPlanTable = false;
  for (const block of doc.blocks) {
    if (block.type === "text") {
      for (const p of block.text.split(/\n\s*\n/)) {
        if (p.trim() === "") continue;
        (seenPlanTable ? out.after : out.before).push(p);
      }
      continue;
    }
    const header = findHeader(block.rows);
    if (header) {
      if (!seenPlanTable) {
        // Rows above the header (a title row inside the table) are text before it.
        for (const row of block.rows.slice(0, header.bodyStart - 1)) {
          const text = row.filter((c) => c.trim() !== "").join(" ");
          if (text !== "") out.before.push(text);
        }
      }
      seenPlanTable = true;
      walker.table(block.rows, header);
    } else if (walker.canContinue(block.rows)) {
      walker.continueTable(block.rows);
    } else {
      out.warnings.push({ item: null, message: skippedTableMessage(block.rows) });
    }
  }
  return out;
}

function skippedTableMessage(rows: RawRow[]): string {
  const labels = (rows[0] ?? [])
    .map((c) => cleanText(c))
    .filter((c) => c !== "" && roleOfHeader(c) !== "number")
    .slice(0, 3);
  const name =
    labels.length > 0
      ? `«${labels.join(" | ")}${(rows[0]?.length ?? 0) > 4 ? " | …" : ""}»`
      : "без заголовка";
  return `Таблица ${name} пропущена: в ней нет столбцов срока и ответственного — это не таблица мероприятий.`;
}

/** Column texts of one row, by role. */
interface RowCells {
  number: string;
  title: string;
  deadline: string;
  executors: string;
  result: string;
}

function cellsOf(row: RawRow, columns: Columns): RowCells {
  const pick = (idx: number[], sep: string) => {
    if (idx.length === 1) return (row[idx[0]!] ?? "").trim();
    return idx
      .map((i) => (row[i] ?? "").trim())
      .filter((t) => t !== "")
      .join(sep);
  };
  return {
    number: pick(columns.number, " "),
    title: pick(columns.title, "\n"),
    deadline: pick(columns.deadline, columns.deadline.length === 2 ? " – " : "\n"),
    executors: pick(columns.executors, ";\n"),
    result: pick(columns.result, "\n"),
  };
}

/** Walks plan tables row by row, keeping the section and the last item across tables. */
class TableWalker {
  private columns: Columns | null = null;
  private header: Header | null = null;
  private width = 0;
  private section: string | null = null;
  private readonly itemsByNumber = new Map<string, ItemDraft>();
  private readonly sectionNumbers = new Set<string>();
  private last: ItemDraft | null = null;
  /** The last item numbered without a bracket: «1)» rows nest under it when the plan mixes styles. */
  private lastPlain: ItemDraft | null = null;
  private unnumbered = 0;
  private numberedByPosition = false;

  constructor(private readonly out: Collected) {}

  table(rows: RawRow[], header: Header): void {
    this.header = header;
    this.columns = header.columns;
    this.width = Math.max(...rows.slice(0, header.bodyStart).map((r) => r.length));
    if (header.columns.result.length > 0) this.out.hasResultColumn = true;
    if (header.columns.executors.length > 0) this.out.hasExecutorColumn = true;
    if (header.columns.deadline.length > 0) this.out.hasDeadlineColumn = true;
    if (header.columns.number.length === 0 && !this.numberedByPosition) {
      this.numberedByPosition = !rows.slice(header.bodyStart).some((r) => this.leadingNumber(r) !== null);
      if (this.numberedByPosition) {
        this.warn(null, "В таблице нет номеров пунктов — пункты пронумерованы по порядку: 1, 2, 3…");
      }
    }
    const bracketStyle = this.bracketIsNesting(rows.slice(header.bodyStart));
    for (const row of rows.slice(header.bodyStart)) this.row(row, bracketStyle);
  }

  /** A table with no header right after a plan table, as wide as it: the same table, continued. */
  canContinue(rows: RawRow[]): boolean {
    if (!this.columns || rows.length === 0) return false;
    const width = Math.max(...rows.map((r) => r.length));
    return Math.abs(width - this.width) <= 1;
  }

  continueTable(rows: RawRow[]): void {
    const bracketStyle = this.bracketIsNesting(rows);
    for (const row of rows) this.row(row, bracketStyle);
  }

  private warn(item: string | null, message: string): void {
    this.out.warnings.push({ item, message });
  }

  /** «1)» numbers nest under the item before when the same table also numbers items «1.» / «1». */
  private bracketIsNesting(rows: RawRow[]): boolean {
    let bracket = 0;
    let plain = 0;
    for (const row of rows) {
      const n = parseNumber(cellsOf(row, this.columns!).number);
      if (!n || n.roman) continue;
      if (n.bracket) bracket++;
      else plain++;
    }
    return bracket > 0 && plain > 0;
  }

  /** A number written at the start of the title cell, when the table has no number column. */
  private leadingNumber(row: RawRow): ParsedNumber | null {
    const cells = cellsOf(row, this.columns!);
    return splitLeadingNumber(cells.title)?.number ?? null;
  }

  private row(row: RawRow, bracketNesting: boolean): void {
    const columns = this.columns!;
    if (isColumnNumbersRow(row) || (this.header && isRepeatedHeader(row, this.header))) return;
    const cells = cellsOf(row, columns);
    for (const c of Object.values(cells)) if (c !== "") this.out.cells.push(c);
    const filled = row.filter((c) => c.trim() !== "");
    if (filled.length === 0) return;

    let numberText = cells.number;
    let title = cells.title;
    // No number column: «1.1. Определение …» in the title cell.
    if (columns.number.length === 0) {
      const lead = splitLeadingNumber(title);
      if (lead) {
        numberText = lead.number.value + (lead.number.bracket ? ")" : ".");
        title = lead.rest;
      }
    }
    let number = parseNumber(numberText);
    // «I. Подготовительные мероприятия» in one cell merged across the row.
    if (!number && numberText !== "") {
      const lead = splitLeadingNumber(numberText);
      if (lead) {
        number = lead.number;
        title = title === "" ? lead.rest : `${lead.rest} ${title}`;
      }
    }
    const hasBody = cells.deadline !== "" || cells.executors !== "" || cells.result !== "";

    // A row broken across a page: no number, no title (or a title going on in lower case).
    if (!number && (title === "" || /^\p{Ll}/u.test(title)) && this.last && (hasBody || title !== "")) {
      const last = this.last;
      last.title = joinCell(last.title, cleanText(title));
      last.deadlineRaw = joinCell(last.deadlineRaw, cells.deadline, "\n");
      last.executorsRaw = joinCell(last.executorsRaw, cells.executors, "\n");
      last.resultRaw = joinCell(last.resultRaw, cells.result, "\n");
      return;
    }

    const heading = filled.length === 1 && !hasBody;
    // «2. Информирование» in the title cell of a heading row, the number cell left empty.
    if (heading && !number && title !== "") {
      const lead = splitLeadingNumber(title);
      if (lead) {
        number = lead.number;
        title = lead.rest;
      }
    }
    if (number?.roman || (!hasBody && (heading || number))) {
      this.addSection(number, cleanText(title === "" ? numberText : title));
      return;
    }
    if (title === "" && !hasBody) {
      this.warn(null, `Строка таблицы «${shorten(filled.join(" "))}» не похожа на пункт плана — пропущена.`);
      return;
    }
    // «№» and «Мероприятие» merged down over several rows (one per deadline): one item.
    const last = this.last;
    if (number && last && number.value === last.number && cleanText(title) === last.title) {
      last.deadlineRaw = joinDistinct(last.deadlineRaw, cells.deadline);
      last.executorsRaw = joinDistinct(last.executorsRaw, cells.executors);
      last.resultRaw = joinDistinct(last.resultRaw, cells.result);
      return;
    }
    this.addItem(number, cleanText(title), cells, bracketNesting);
  }

  private addSection(number: ParsedNumber | null, title: string): void {
    const value = number ? number.value : String(this.out.sections.length + 1);
    this.out.sections.push({ number: value, title });
    this.sectionNumbers.add(value);
    this.section = value;
  }

  private addItem(
    number: ParsedNumber | null,
    title: string,
    cells: RowCells,
    bracketNesting: boolean,
  ): void {
    let value: string;
    if (number) {
      value = number.value;
      const nestUnder = this.lastPlain;
      if ((number.letter || (number.bracket && bracketNesting)) && nestUnder) {
        value = `${nestUnder.number}.${number.value}`;
      }
    } else if (this.numberedByPosition) {
      value = String(this.out.items.length + 1);
    } else {
      this.unnumbered++;
      value = `б/н ${this.unnumbered}`;
      this.warn(value, `У пункта «${shorten(title)}» нет номера — он обозначен «${value}».`);
    }
    if (this.itemsByNumber.has(value)) {
      this.warn(value, `Номер пункта ${value} встречается в плане дважды — проверьте нумерацию.`);
    }
    if (title === "") this.warn(value, "У пункта нет названия.");
    const item: ItemDraft = {
      number: value,
      parent: this.parentOf(value),
      section: this.section,
      title,
      deadlineRaw: cells.deadline,
      executorsRaw: cells.executors,
      resultRaw: cells.result,
      bracket: number?.bracket ?? false,
    };
    this.out.items.push(item);
    this.itemsByNumber.set(value, item);
    this.last = item;
    if (!item.bracket && !number?.letter) this.lastPlain = item;
  }

  /** The nearest ancestor number that is an item (not a section) of this plan. */
  private parentOf(number: string): string | null {
    for (const a of ancestors(number)) {
      if (this.itemsByNumber.has(a)) return a;
      if (this.sectionNumbers.has(a)) return null;
    }
    return null;
  }
}

/** Joins the cells of rows merged into one item, skipping text repeated by a vertical merge. */
function joinDistinct(a: string, b: string): string {
  if (b === "" || a === b || a.split("\n").includes(b)) return a;
  return a === "" ? b : `${a}\n${b}`;
}

function joinCell(a: string, b: string, sep = " "): string {
  if (b === "") return a;
  if (a === "") return b;
  return a + sep + b;
}

// ---------------------------------------------------------------------------------------------
// Glossary, period, unreadable text, roles

function collectGlossary(c: Collected): GlossaryEntry[] {
  const footnotes: GlossaryEntry[] = [];
  for (const p of c.before) footnotes.push(...footnoteEntries(p, false));
  for (const p of c.after) footnotes.push(...footnoteEntries(p, true));
  const further: GlossaryEntry[] = [];
  for (const text of [...c.before, ...c.cells, ...c.after]) further.push(...furtherEntries(text));
  return mergeGlossary(footnotes, further);
}

function choosePeriod(
  title: string,
  c: Collected,
  options: AssembleOptions,
): { period: Period; schoolYear: boolean; periodWarnings: string[]; latest: IsoDate | null } {
  let earliest: IsoDate | null = null;
  let latest: IsoDate | null = null;
  for (const item of c.items) {
    for (const d of scanExplicitDates(item.deadlineRaw)) {
      if (earliest === null || d < earliest) earliest = d;
      if (latest === null || d > latest) latest = d;
    }
  }
  const fromTitle = title === "" ? null : periodFromTitle(title);
  if (fromTitle) return { ...fromTitle, periodWarnings: [], latest };
  if (earliest !== null && latest !== null) {
    const first = earliest.slice(0, 4);
    const lastYear = latest.slice(0, 4);
    const years = first === lastYear ? first : `${first}–${lastYear}`;
    return {
      period: { start: `${first}-01-01`, end: `${lastYear}-12-31` },
      schoolYear: false,
      periodWarnings: [`В названии плана не указан год; период определён по датам в таблице: ${years}.`],
      latest,
    };
  }
  for (const p of [...c.before, ...c.after]) {
    const found = periodFromTitle(cleanText(p));
    if (found) {
      return {
        ...found,
        periodWarnings: [`Период плана взят из текста документа: «${shorten(cleanText(p))}». Проверьте его.`],
        latest,
      };
    }
  }
  const year = options.fallbackYear ?? yearMentioned([...c.before, ...c.cells]) ?? 2000;
  return {
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    schoolYear: false,
    periodWarnings: [
      `Не удалось определить период плана: ни в названии, ни в сроках нет года. Принят ${year} год — проверьте сроки.`,
    ],
    latest,
  };
}

function yearMentioned(texts: string[]): number | null {
  for (const t of texts) {
    const m = /(?<!\d)(20\d\d)(?!\d)/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Letters of other scripts in the text («мกราคม»): the document was recognised badly there. */
function junkWarnings(c: Collected): PlanWarning[] {
  const seen = new Set<string>();
  const out: PlanWarning[] = [];
  const check = (text: string, item: string | null) => {
    for (const word of foreignWords(text)) {
      if (seen.has(word) || seen.size >= 5) continue;
      seen.add(word);
      out.push({
        item,
        message: `В тексте нечитаемые символы: «${word}» (ошибка распознавания?). Сверьте это место с оригиналом.`,
      });
    }
  };
  for (const p of c.before) check(p, null);
  for (const i of c.items) check(`${i.title} ${i.deadlineRaw} ${i.executorsRaw} ${i.resultRaw}`, i.number);
  for (const p of c.after) check(p, null);
  return out;
}

function rolesOf(items: PlanItem[], aliases: ReadonlyMap<string, readonly string[]>): PlanRole[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const name of new Set(item.executors.map((e) => e.name)))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({
    name,
    aliases: [...(aliases.get(name) ?? [])],
    items: count,
  }));
}
