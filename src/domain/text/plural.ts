// Russian plural forms: «1 пункт, 3 пункта, 5 пунктов».

/**
 * Picks the Russian form for `n`: `one` (1, 21), `few` (2–4, 22–24) or `many` (0, 5–20, 25…).
 * Bot texts take their plurals from Fluent; this serves texts made outside it (the command line).
 */
export function pluralForm(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** The number and its form: «5 пунктов». */
export function plural(n: number, one: string, few: string, many: string): string {
  return `${n} ${pluralForm(n, one, few, many)}`;
}
