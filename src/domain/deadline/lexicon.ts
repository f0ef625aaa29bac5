// Regex sources for the words of Russian deadlines, on normalised (lowercase) text.

/** No letter or digit before. JavaScript's \b does not know Cyrillic. */
export const L = "(?<![a-z\\u00c0-\\u024f\\u0400-\\u04ff\\d])";

/** A month in any case or form («январь», «января», «в январе», «янв.»). */
export const MONTH =
  "(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяюе]|март[ауе]?|август[ауе]?|ма[йяюе])(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])" +
  "|(?:янв|февр?|мар|апр|авг|сент?|окт|нояб?|дек)\\.";

/** The month number (1-12) of a word matched by MONTH. */
export function monthIndex(word: string): number {
  const stem = word.slice(0, 3);
  switch (stem) {
    case "янв":
      return 1;
    case "фев":
      return 2;
    case "мар":
      return 3;
    case "апр":
      return 4;
    case "июн":
      return 6;
    case "июл":
      return 7;
    case "авг":
      return 8;
    case "сен":
      return 9;
    case "окт":
      return 10;
    case "ноя":
      return 11;
    case "дек":
      return 12;
    default:
      return stem.startsWith("ма") ? 5 : 0;
  }
}

/** A four-digit year of plans (1900-2099). */
export const YEAR4 = "(?:19|20)\\d{2}";

/** What may follow a year: «г», «г.», «гг.», «года», «году», «годы», «годов». */
export const YEAR_WORD =
  "(?:\\s*(?:годов|годы|года|году|год|гг|г)\\.?(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff]))?";

/** A roman or arabic quarter number. */
export const QUARTER_NUMBER = "(?:iv|iii|ii|i|[1-4])";

/** A number written as digits or as a word («10», «десяти»). */
export const NUMBER =
  "(?:\\d{1,3}|одного|одной|одну|один|две|два|двух|трех|три|четырех|четыре|пяти|пять|шести|шесть|семи|семь|восьми|восемь|девяти|девять|десяти|десять|пятнадцати|пятнадцать|двадцати|двадцать|тридцати|тридцать|сорока|сорок|шестидесяти|шестьдесят|девяноста|девяносто)";

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  одной: 1,
  одну: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  пятнадцать: 15,
  пятнадцати: 15,
  двадцать: 20,
  двадцати: 20,
  тридцать: 30,
  тридцати: 30,
  сорок: 40,
  сорока: 40,
  шестьдесят: 60,
  шестидесяти: 60,
  девяносто: 90,
  девяноста: 90,
};

/** The value of a NUMBER match. */
export function numberValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (NUMBER_WORDS[text] ?? Number.NaN);
}

/** The value of a roman (i-iv) or arabic quarter / half-year number, or of an ordinal word. */
export function ordinalValue(text: string): number {
  switch (text) {
    case "i":
    case "1":
      return 1;
    case "ii":
    case "2":
      return 2;
    case "iii":
    case "3":
      return 3;
    case "iv":
    case "4":
      return 4;
  }
  if (text.startsWith("перв")) return 1;
  if (text.startsWith("втор")) return 2;
  if (text.startsWith("трет")) return 3;
  if (text.startsWith("четв")) return 4;
  return 0;
}

/** A weekday in any form («понедельник», «по средам», «в пятницу»). */
export const WEEKDAY =
  "(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[a-z\\u00c0-\\u024f\\u0400-\\u04ff]*";

/** ISO weekday number (1 = Monday) of a WEEKDAY match. */
export function weekdayIndex(word: string): number {
  const stems = ["понед", "вторн", "сред", "четв", "пятн", "субб", "воск"];
  return stems.findIndex((s) => word.startsWith(s)) + 1;
}
