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
  if (usedOr && executors.length > 1) {
    warnings.push(`Исполнители через «или» (${executors.map((e) => e.name).join(" или ")}) — назначены все.`);
  }
  return { executors, warnings };
}
