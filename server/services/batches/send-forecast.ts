/**
 * The confirmation step's forecast, before "Enviar" or "Agendar": every filter chosen, and how many
 * recipients are outside their send window at the send time (now, or the scheduled one) and when
 * each group goes. Windows depend on the customer's UF and time zone and the message type, so the
 * recipients are counted per city in one aggregate over the selection (never per customer in
 * JavaScript), grouped by UF and zone, and the window rules run once per group.
 */
import { inArray } from "drizzle-orm";
import { city } from "@/db/schema";
import type { Uf } from "@/db/schema/constants";
import { isWindowBound, SendWindowError, windowAt } from "@/server/sms/send-window";
import { invalid } from "../errors";
import { getSendWindowRules } from "../sms/settings";
import { assertFilterTargets, filterLines } from "./filter-labels";
import { parseInput } from "./parse";
import { selectionOf } from "./preview-batch";
import { type SendForecastInput, sendForecastInput, type SendForecastOutput } from "./schemas";
import { recipientsByCitySql } from "./selection-sql";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

export async function forecastBatchSend(ctx: ServiceContext, input: SendForecastInput): Promise<SendForecastOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const now = ctx.now();
  const data = parseInput(sendForecastInput, input);
  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  // A time already past (the operator waited on this screen) is checked by "Agendar" itself.
  const at = data.sendAt && data.sendAt.getTime() > now.getTime() ? data.sendAt : now;
  const windowBound = isWindowBound(data.category);
  const [byCity, rules, filters] = await Promise.all([
    db.all<{ city_id: number; n: number }>(recipientsByCitySql(s)),
    getSendWindowRules(db),
    filterLines(db, s.filters),
  ]);
  const cityIds = byCity.filter((r) => Number(r.n) > 0).map((r) => Number(r.city_id));
  const cities = cityIds.length === 0 ? [] : await db.select({ id: city.id, uf: city.uf, timeZone: city.timeZone }).from(city).where(inArray(city.id, cityIds));
  // Cities of one UF and zone share a window: one group each, largest first.
  const groups = new Map<string, { uf: Uf; timeZone: string; count: number }>();
  for (const r of byCity) {
    const c = cities.find((x) => x.id === Number(r.city_id));
    if (!c) continue;
    const key = `${c.uf} ${c.timeZone}`;
    const g = groups.get(key) ?? { uf: c.uf, timeZone: c.timeZone, count: 0 };
    g.count += Number(r.n);
    groups.set(key, g);
  }
  const places = [...groups.values()].sort((a, b) => b.count - a.count || a.uf.localeCompare(b.uf)).map((g) => {
    try {
      const w = windowAt(at, { uf: g.uf, timeZone: g.timeZone, category: data.category, rules });
      return { ...g, opensAt: w.open ? null : w.nextOpening };
    } catch (err) {
      if (err instanceof SendWindowError) throw invalid(err.message);
      throw err;
    }
  });
  return {
    filters,
    at,
    windowBound,
    recipients: places.reduce((n, p) => n + p.count, 0),
    outside: places.reduce((n, p) => n + (p.opensAt ? p.count : 0), 0),
    places,
  };
}
