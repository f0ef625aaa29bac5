// The `srok` command line: `npm run --silent srok -- <command> …` or the `srok` bin.
// Dispatch is a plain map; each command lives in commands/<name>.ts and exports
// `run(args: string[]): Promise<number>` (the exit code). Loaded on demand, so one command's
// dependencies never slow down or break another.
import { CliError, EXIT } from "./errors.js";

interface Command {
  usage: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const commands: Record<string, Command> = {
  import: { usage: "import FILE [--dry-run] [--json]", load: () => import("./commands/import.js") },
  plans: { usage: "plans [--json]", load: () => import("./commands/plans.js") },
  status: { usage: "status [--json] [--date YYYY-MM-DD]", load: () => import("./commands/status.js") },
  publish: { usage: "publish PLAN_ID [--replaces OLD_ID]", load: () => import("./commands/publish.js") },
  migrate: { usage: "migrate", load: () => import("./commands/migrate.js") },
  backup: { usage: "backup FILE", load: () => import("./commands/backup.js") },
  admin: { usage: "admin add TELEGRAM_ID", load: () => import("./commands/admin.js") },
  digest: { usage: "digest run [--date YYYY-MM-DD]", load: () => import("./commands/digest.js") },
};

function usage(): string {
  return ["использование: srok <команда>", ...Object.values(commands).map((c) => `  srok ${c.usage}`)].join(
    "\n",
  );
}

/** Runs one command line; returns the exit code: 0 ok, 1 bad input, 2 usage. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return EXIT.usage;
  }
  if (name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`srok: неизвестная команда «${name}»\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    const { run } = await command.load();
    return await run(args);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`srok: ${e.message}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`srok: ${message}\n`);
    if (process.env.SROK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT.badInput;
  }
}

process.exitCode = await main(process.argv.slice(2));
