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
    "советы ассоциация союз фонд агентство инспекция надзор университет колледж лицей гимназия " +
    "зам завуч замдиректора инженер бухгалтер юрист делопроизводитель тьютор тьюторы модератор " +
    "руководство коллектив отделение подразделение библиотека редакция пресс-служба"
  ).split(" "),
);

const PARTICIPLE = /(?:щий|щая|щее|щие|щих|вший|вшая|вшее|вшие)$/;
const NOMINATIVE_ADJECTIVE = /(?:ый|ий|ая|яя|ое|ее|ые|ие)$/;
/** Genitive-looking single words («Роспотребнадзора», «Администрации») and surnames («Гаврилов»). */
const DEPENDENT_WORD = /(?:а|я|ов|ев|ей|ии|ых|их|ин|ын|ой|ому|ему)$/;

/** Letters (Latin, Cyrillic) and digits: what a word is made of. */
function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x400 && c <= 0x4ff)
  );
}

const NUMERO = 0x2116;

/** A word without its surrounding punctuation and quotes («(Комитет,» → «Комитет»). */
export function bareWord(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && !isWordChar(token.charCodeAt(start)) && token.charCodeAt(start) !== NUMERO) start++;
  while (end > start && !isWordChar(token.charCodeAt(end - 1))) end--;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}

const isUpper = (ch: string) => ch !== ch.toLowerCase();
const isLower = (ch: string) => ch !== ch.toUpperCase();

/** What the reader asks about a word, computed once per word. */
export interface WordFacts {
  bare: string;
  /** Lower case, «ё» as «е». */
  lower: string;
  upperStart: boolean;
  lowerStart: boolean;
  func: boolean;
  /** Two or more capitals: «МКУ», «МОиН», «ОО». */
  abbreviation: boolean;
  head: boolean;
  nominativeAdjective: boolean;
  participle: boolean;
  numeric: boolean;
}

const cache = new Map<string, WordFacts>();
/** Enough for every word of a large plan; cleared past it so a long-running process stays small. */
const CACHE_LIMIT = 20_000;

/** The facts about one word (a token as written, punctuation around it allowed). */
export function facts(token: string): WordFacts {
  let f = cache.get(token);
  if (f) return f;
  const bare = bareWord(token);
  const lower = bare.toLowerCase().replace(/ё/g, "е");
  const first = bare.charAt(0);
  let capitals = 0;
  for (const ch of bare) if (isUpper(ch)) capitals++;
  const lastPart = lower.split("-").pop() ?? lower;
  f = {
    bare,
    lower,
    upperStart: first !== "" && isUpper(first),
    lowerStart: first !== "" && isLower(first),
    func: FUNCTION_WORDS.has(lower),
    abbreviation: capitals >= 2,
    head: HEAD_NOUNS.has(lower) || HEAD_NOUNS.has(lower.split("-")[0] ?? ""),
    nominativeAdjective:
      NOMINATIVE_ADJECTIVE.test(lastPart) && !PARTICIPLE.test(lastPart) && lastPart.length > 3,
    participle: PARTICIPLE.test(lower),
    numeric: /^[\d№]/.test(bare),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, f);
  return f;
}

/** «МКУ», «МОиН», «ГБУ», «ОО»: two or more capitals. */
export function isAbbreviation(token: string): boolean {
  return facts(token).abbreviation;
}

/** The word (punctuation aside) starts with a capital letter. */
export function startsUpper(token: string): boolean {
  return facts(token).upperStart;
}

/** The word (punctuation aside) starts with a small letter. */
export function startsLower(token: string): boolean {
  return facts(token).lowerStart;
}

/** A preposition, conjunction or particle («по», «и», «при»). */
export function isFunctionWord(token: string): boolean {
  return facts(token).func;
}

/** A head noun in the nominative; for «Организация-оператор» the first part counts. */
export function isHeadNoun(token: string): boolean {
  return facts(token).head;
}

/** An adjective in the nominative («Общественный», «региональные»), participles («выходящий») aside. */
export function isNominativeAdjective(token: string): boolean {
  return facts(token).nominativeAdjective;
}

const ADJECTIVE_ENDING = /(?:ый|ий|ая|яя|ое|ее|ые|ие|ой)$/;

/**
 * Whether a phrase reads as a name of its own, by grammar alone (the vocabulary is checked by the
 * caller): it starts with an abbreviation, a head noun, or a nominative adjective followed by
 * something other than a preposition; or with a capitalised word that is not a dependent form.
 */
export function readsAsNameByGrammar(phrase: string): boolean {
  const tokens = phrase.trim().split(/\s+/, 2);
  const firstToken = tokens[0];
  if (firstToken === undefined || firstToken === "") return false;
  const first = facts(firstToken);
  if (first.bare === "" || first.numeric || first.func || first.participle) return false;
  if (first.abbreviation || first.head) return true;
  const second = tokens[1] === undefined ? undefined : facts(tokens[1]);
  if (second?.head && ADJECTIVE_ENDING.test(first.lower)) return true;
  if (first.nominativeAdjective) return second === undefined || !second.func;
  if (!first.upperStart) return false;
  return !DEPENDENT_WORD.test(first.lower);
}
