import { type Db, getDb } from "@/db/client";

/** What job handlers need from the app; tests point it at their own database. */
export const jobContext: { db: () => Db } = { db: () => getDb() };
