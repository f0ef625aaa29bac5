// Public entry of the executor reader: responsible cells → canonical executor names.
import type { Executor } from "../plan/types.js";
import { nameKey } from "./normalize.js";
import { readNames } from "./read-names.js";
import { type ExecutorVocabulary, mergedKey } from "./vocabulary.js";

export { buildExecutorVocabulary, type ExecutorVocabulary, emptyVocabulary } from "./vocabulary.js";

/**
 * Reads one responsible cell («Министерство образования, региональные координаторы⏎Белокурова
 * И.В.⏎Панова О.А.») into executors with canonical names, using the plan's vocabulary (build it
 * first from every cell of the plan with `buildExecutorVocabulary`). Warnings are in Russian, for
 * the coordinator. An empty cell gives no executors and no warning (the caller knows the item).
 */
export function readExecutors(
  raw: string,
  vocabulary: ExecutorVocabulary,
): { executors: Executor[]; warnings: string[] } {
  const { names, usedOr } =
    vocabulary.reads.get(raw) ??
    readNames(raw, { known: vocabulary.known, words: vocabulary.words, runTogether: true });
  const executors: Executor[] = [];
  const byName = new Map<string, Executor>();
  for (const n of names) {
    const key = mergedKey(nameKey(n.name), vocabulary.glossary);
    const name = vocabulary.canonical.get(key) ?? vocabulary.glossary.get(key) ?? n.name;
    const seen = byName.get(name);
    if (seen) {
      for (const p of n.people) if (!seen.people.includes(p)) seen.people.push(p);
      continue;
    }
    const executor: Executor = { name, people: [...n.people] };
    byName.set(name, executor);
    executors.push(executor);
  }
  const warnings: string[] = [];
  if (usedOr && executors.length > 1) warnings.push(orWarning(executors));
  return { executors, warnings };
}

/** «Два исполнителя через «или»: «A» и «B» — назначены оба.» */
function orWarning(executors: Executor[]): string {
  const quoted = executors.map((e) => `«${short(e.name)}»`);
  if (quoted.length === 2) return `Два исполнителя через «или»: ${quoted[0]} и ${quoted[1]} — назначены оба.`;
  const n = quoted.length;
  const few = n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
  return `${n} ${few ? "исполнителя" : "исполнителей"} через «или»: ${quoted.join(", ")} — назначены все.`;
}

/** A long name cut at a word for a message: «Педагогический работник, выходящий с…». */
function short(name: string, max = 40): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}
