// The plan's title among the paragraphs before its table.
import { cleanText } from "./plan-text.js";

const PLAN_WORD =
  /^(?:план(?:-график)?|дорожная\s+карта|комплекс\s+мер|перечень\s+(?:основных\s+)?мероприятий|мероприятия|график|программа)(?![\p{L}])/iu;
const LEADING_CAPS_WORD = /^(\p{Lu}[\p{Lu}-]+)(?=\s|$)/u;

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

/** «ПЛАН-ГРАФИК проведения …» → «План-график проведения …»; an all-capital title stays. */
function sentenceCaseFirstWord(title: string): string {
  const m = LEADING_CAPS_WORD.exec(title);
  if (!m || !/\p{Ll}/u.test(title) || !PLAN_WORD.test(title)) return title;
  const word = m[1]!;
  return word.charAt(0) + word.slice(1).toLowerCase() + title.slice(word.length);
}

/** The first words of a long text, for messages. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}
