/** Why a plan file could not be read. Stable codes for code; `message` is Russian, for people. */
export type PlanFileErrorCode =
  | "too_large"
  | "empty"
  | "binary"
  | "unsupported"
  | "corrupt"
  | "encrypted"
  | "zip_bomb"
  | "no_plan_table"
  | "no_rows";

/**
 * A plan file that cannot be read, with a Russian `message` the bot and the CLI show as is.
 * Thrown by `readPlan` and the format readers; any other error is a bug.
 */
export class PlanFileError extends Error {
  override readonly name = "PlanFileError";

  constructor(
    readonly code: PlanFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** «25,3 МБ», «480 КБ»: sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
  const mb = bytes / (1024 * 1024);
  const rounded = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return `${String(rounded).replace(".", ",")} МБ`;
}

const SAVE_AS = "Пришлите план в формате .docx, .xlsx, .csv или .txt.";

/** The Russian texts, in one place so the wording stays consistent. */
export const planFileMessages = {
  empty: () => "Файл пустой — в нём нет ни одной строки. " + SAVE_AS,
  tooLarge: (size: number, limit: number) =>
    `Файл слишком большой (${formatFileSize(size)}). Я читаю планы размером до ${formatFileSize(limit)}.`,
  binary: () => "Это не документ с планом: в файле двоичные данные, а не текст или таблица. " + SAVE_AS,
  image: () => "Это изображение, а не документ: таблицу с картинки я не прочитаю. " + SAVE_AS,
  oldDoc: () =>
    "Это документ старого формата Word (.doc). Откройте его в Word, выберите «Файл → Сохранить как» " +
    "и тип «Документ Word (.docx)», затем пришлите новый файл.",
  oldXls: () =>
    "Это книга старого формата Excel (.xls). Откройте её в Excel, выберите «Файл → Сохранить как» " +
    "и тип «Книга Excel (.xlsx)», затем пришлите новый файл.",
  xlsb: () =>
    "Это двоичная книга Excel (.xlsb). Откройте её в Excel, выберите «Файл → Сохранить как» и тип " +
    "«Книга Excel (.xlsx)», затем пришлите новый файл.",
  rtf: () =>
    "Это файл RTF. Откройте его в Word и сохраните как «Документ Word (.docx)», затем пришлите снова.",
  markup: () =>
    "Это веб-страница или XML, а не документ Word или книга Excel, хотя расширение у файла другое. " +
    "Откройте его в Word или Excel и сохраните как .docx или .xlsx, затем пришлите снова.",
  pdf: () =>
    "PDF я не читаю: в нём нет таблицы, только изображение страниц. Пришлите исходный файл плана " +
    "(.docx или .xlsx).",
  odf: (kind: "text" | "spreadsheet") =>
    kind === "text"
      ? "Это документ OpenDocument (.odt). Сохраните его как «Документ Word (.docx)» и пришлите снова."
      : "Это таблица OpenDocument (.ods). Сохраните её как «Книга Excel (.xlsx)» и пришлите снова.",
  otherOffice: () =>
    "Это не документ Word и не таблица Excel (возможно, презентация или другой файл Office). " + SAVE_AS,
  otherArchive: () => "Это архив, а не документ с планом. Распакуйте его и пришлите сам план. " + SAVE_AS,
  corrupt: () =>
    "Файл повреждён, открыть его не удалось. Откройте его на компьютере, сохраните заново как .docx или " +
    ".xlsx и пришлите снова.",
  encrypted: () =>
    "Файл защищён паролем, и я не могу его открыть. Снимите пароль (в Word или Excel: «Файл → Сведения → " +
    "Защита → Зашифровать с использованием пароля», очистите поле) и пришлите файл снова.",
  zipBomb: () =>
    "Файл распаковывается в слишком большой объём данных — так настоящие планы не выглядят. Я не стал " +
    "его открывать. Сохраните план заново как .docx или .xlsx и пришлите снова.",
  noPlanTable: (missing: string) =>
    `Не нашёл в файле таблицу плана: ${missing}. Нужна таблица со строкой заголовков: «№ п/п», ` +
    "«Наименование мероприятия», «Срок», «Ответственный исполнитель».",
  noRows: () => "В таблице нет ни одной строки с мероприятиями: только заголовки или пустые строки.",
  emptySheet: () => "В таблице нет ни одной заполненной строки.",
} as const;
