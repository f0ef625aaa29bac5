// The plan's title among the paragraphs before its table.
import { cleanText } from "./plan-text.js";

const PLAN_WORD =
  /^(?:план(?:-график)?|дорожная\s+карта|комплекс\s+мер|перечень\s+(?:основных\s+)?мероприятий|мероприятия|график|программа)(?![\p{L}])/iu;

export interface TitleFound {
  title: string;
  warnings: string[];
}

/**
 * The title: the first paragraph that starts like one («План …», «ПЛАН-ГРАФИК», «Дорожная
 * карта …»), with the paragraphs right after it that go on in lower case; else the last paragraph
 * before the table. A title starting in lower case lost its beginning (seed 004): warned.
 */
export function findTitle(paragraphs: readonly string[]): TitleFound {
  const texts = paragraphs.map(cleanText).filter((p) => p !== "");
  const warnings: string[] = [];
  let start = texts.findIndex((p) => PLAN_WORD.test(p));
  if (start < 0) start = texts.length - 1;
  if (start < 0) {
    return { title: "", warnings: ["В документе не найдено название плана перед таблицей."] };
  }
  let title = texts[start]!;
  for (let i = start + 1; i < texts.length && /^\p{Ll}/u.test(texts[i]!); i++) title += ` ${texts[i]}`;
  title = sentenceCaseFirstWord(title);
  if (/^\p{Ll}/u.test(title)) {
    warnings.push(
      `Название плана, похоже, начинается не с начала: «${shorten(title)}». Проверьте первую страницу документа.`,
    );
  }
  return { title, warnings };
}

/** Words of plan titles typed in capitals that are no abbreviations. */
const TITLE_WORDS = new Set(
  "план работы работ мероприятий мероприятия график дорожная карта комплекс мер перечень по на в и для основных проведения организации".split(
    " ",
  ),
);

/**
 * «ПЛАН-ГРАФИК проведения …» → «План-график проведения …», «ПЛАН РАБОТЫ МО на …» → «План работы
 * МО на …»: the leading words in capitals, when lower-case text follows; short words that are no
 * title words stay (abbreviations). An all-capital title stays as it is.
 */
function sentenceCaseFirstWord(title: string): string {
  const words = title.split(" ");
  let run = 0;
  while (run < words.length && /\p{Lu}/u.test(words[run]!) && !/\p{Ll}/u.test(words[run]!)) run++;
  if (run === 0 || run === words.length || !PLAN_WORD.test(title)) return title;
  for (let i = 0; i < run; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    if (i > 0 && word.length < 5 && !TITLE_WORDS.has(lower)) continue;
    words[i] = i === 0 ? word.charAt(0) + lower.slice(1) : lower;
  }
  return words.join(" ");
}

/** The first words of a long text, for messages. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}
