// The durable embedded runner alone on a database file, until killed: restart.test.ts starts it
// as a real process, kills it with SIGKILL mid-batch and starts it again.
import { createDb } from "@/db/client";
import { jobContext } from "./context";
import { EmbeddedRunner } from "./embedded-runner";
import { registrations } from "./runtime";

const db = createDb(`file:${process.argv[2]}`);
jobContext.db = () => db;
new EmbeddedRunner(registrations(), { outbox: { db: () => db, leaseMs: Number(process.env.JOB_LEASE_MS ?? 30_000), pollMs: 250 } }).start();
// The runner's timers are unref'd (they must not keep a Next server alive); this one keeps the script.
setInterval(() => undefined, 60_000);
