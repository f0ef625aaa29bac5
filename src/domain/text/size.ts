// Report files are listed with their size, as people say it: «240 КБ».

/** «240 КБ», «1,5 МБ», «512 Б» (English units for other locales). */
export function formatSize(bytes: number, locale: string): string {
  const ru = locale.startsWith("ru");
  const units = ru ? ["Б", "КБ", "МБ", "ГБ"] : ["B", "KB", "MB", "GB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 10 ? 0 : 1;
  const text = new Intl.NumberFormat(ru ? "ru-RU" : "en-US", { maximumFractionDigits: digits }).format(value);
  return `${text} ${units[i]}`;
}
