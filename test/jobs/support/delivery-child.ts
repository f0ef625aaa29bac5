// A delivery worker in its own process, for the crash test: `node --import tsx delivery-child.ts
// <db file> <api root> <token>`. Sends every queued row, then exits 0. The test kills it (SIGKILL)
// in the middle and starts it again.
import { Api } from "grammy";
import { openMigratedDatabase } from "../../../db/database.js";
import { createDeliveryWorker } from "../../../src/jobs/delivery.js";

const [dbPath, apiRoot, token] = process.argv.slice(2);
if (!dbPath || !apiRoot || !token) throw new Error("usage: delivery-child.ts DB API_ROOT TOKEN");
const db = await openMigratedDatabase(dbPath);
const worker = createDeliveryWorker(
  { db, api: new Api(token, { apiRoot }), clock: () => new Date() },
  // The lease outlives the request timeout; after a crash its rows are taken again 1.5 s later.
  { maxPerWindow: 60, windowMs: 1000, concurrency: 4, requestTimeoutMs: 1000, leaseMs: 1500, idlePollMs: 50 },
);
process.stdout.write("ready\n");
const settled = await worker.drain({ timeoutMs: 60_000 });
await worker.stop();
await db.destroy();
process.exit(settled ? 0 : 3);
