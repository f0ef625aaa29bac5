// What a word tells about a name: the small amount of Russian grammar the executor reader uses to
// decide whether a phrase is a name of its own («руководители ОО») or goes on another one
// («спорта и молодежной политики», «выходящий с инициативой …»).

/** Prepositions, conjunctions and particles: a line ending with one goes on below. */
export const FUNCTION_WORDS = new Set([
  "а",
  "без",
  "в",
  "во",
  "для",
  "до",
  "за",
  "и",
  "или",
  "из",
  "к",
  "ко",
  "между",
  "на",
  "над",
  "о",
  "об",
  "обо",
  "от",
  "по",
  "под",
  "при",
  "с",
  "со",
  "также",
  "у",
  "через",
]);

/** Nouns that head a role or an organisation, in the nominative (singular and plural). */
const HEAD_NOUNS = new Set(
  (
    "администрация администратор администраторы аппарат библиотекарь библиотекари воспитатели " +
    "воспитатель глава главы губернатор группа группы департамент директор директора заведующие " +
    "заведующий заместитель заместители инспектор инспекторы институт исполнитель исполнители " +
    "кафедра комиссия комитет координатор координаторы куратор кураторы министерство министр " +
    "методист методисты муниципалитет муниципалитеты начальник начальники оператор операторы орган " +
    "органы организатор организаторы организация организации отдел отделы педагог педагоги " +
    "председатель представитель представители прокуратура психолог психологи работник работники " +
    "ректор родители руководитель руководители секретарь сектор служба службы совет сотрудник " +
    "сотрудники специалист специалисты управление учителя учитель учреждение учреждения филиал центр " +
    "центры член члены школа школы штаб эксперт эксперты заказчик заказчики правительство комитеты " +
    "советы ассоциация союз фонд агентство инспекция надзор университет колледж лицей гимназия"
  ).split(" "),
);

const PARTICIPLE = /(?:щий|щая|щее|щие|щих|вший|вшая|вшее|вшие)$/;
const NOMINATIVE_ADJECTIVE = /(?:ый|ий|ая|яя|ое|ее|ые|ие)$/;
/** Genitive-looking single words («Роспотребнадзора», «Администрации») and surnames («Гаврилов»). */
const DEPENDENT_WORD = /(?:а|я|ов|ев|ей|ии|ых|их|ин|ын|ой|ому|ему)$/;

/** A word without its surrounding punctuation and quotes. */
export function bareWord(token: string): string {
  return token.replace(/^[^\p{L}\p{N}№]+|[^\p{L}\p{N}]+$/gu, "");
}

/** «МКУ», «МОиН», «ГБУ», «ОО», «ТО»: two or more capitals. */
export function isAbbreviation(word: string): boolean {
  const w = bareWord(word);
  return (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

export function startsUpper(token: string): boolean {
  return /^\p{Lu}/u.test(bareWord(token));
}

export function startsLower(token: string): boolean {
  return /^\p{Ll}/u.test(bareWord(token));
}

export function isFunctionWord(token: string): boolean {
  return FUNCTION_WORDS.has(bareWord(token).toLowerCase());
}

/** A head noun in the nominative; for «Организация-оператор» the first part counts. */
export function isHeadNoun(token: string): boolean {
  const w = bareWord(token).toLowerCase().replace(/ё/g, "е");
  return HEAD_NOUNS.has(w) || HEAD_NOUNS.has(w.split("-")[0] ?? "");
}

export function isNominativeAdjective(token: string): boolean {
  const w = bareWord(token).toLowerCase();
  const first = w.split("-").pop() ?? w;
  return NOMINATIVE_ADJECTIVE.test(first) && !PARTICIPLE.test(first) && first.length > 3;
}

/**
 * Whether a phrase reads as a name of its own, by grammar alone (the vocabulary is checked by the
 * caller): it starts with an abbreviation, a head noun, or a nominative adjective followed by
 * something other than a preposition; or with a capitalised word that is not a dependent form.
 */
export function readsAsNameByGrammar(phrase: string): boolean {
  const tokens = phrase.split(/\s+/).filter((t) => t !== "");
  const first = tokens[0];
  if (first === undefined) return false;
  const word = bareWord(first);
  if (word === "" || /^[\d№]/.test(word)) return false;
  if (isFunctionWord(first) || PARTICIPLE.test(word.toLowerCase())) return false;
  if (isAbbreviation(first) || isHeadNoun(first)) return true;
  const second = tokens[1];
  if (second !== undefined && isHeadNoun(second) && /(?:ый|ий|ая|яя|ое|ее|ые|ие|ой)$/.test(word)) {
    return true;
  }
  if (isNominativeAdjective(first)) {
    return second === undefined || !isFunctionWord(second);
  }
  if (!startsUpper(first)) return false;
  return !DEPENDENT_WORD.test(word.toLowerCase());
}
