// `npm run bench [-- NAME]`: runs every bench/*.bench.ts in turn (or those whose file name
// contains NAME). Each exports `run(): Promise<void>` and prints its own figures and PASS/FAIL.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`bench: нет бенчмарков${filter ? ` с «${filter}» в имени` : ""} в ${dir}\n`);
  process.exitCode = 2;
} else {
  for (const file of files) {
    process.stdout.write(`\n== ${file}\n`);
    const started = performance.now();
    try {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<void> };
      if (typeof mod.run !== "function") throw new Error("no exported run()");
      await mod.run();
    } catch (e) {
      process.stdout.write(`FAIL ${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    }
    process.stdout.write(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}
