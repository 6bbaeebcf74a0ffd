"use client";

import { useTranslations } from "next-intl";
import type { SendForecastOutput } from "@/server/services/batches/schemas";
import { formatPanelTime } from "@/server/services/batches/send-at";

/** The city part of an IANA zone ("America/Porto_Velho" → "Porto Velho"), to tell zones apart within a UF. */
const zoneName = (timeZone: string) => (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");

/**
 * Before "Enviar": how many recipients are outside their send window at the send time and when
 * each group goes, per UF and time zone (times in São Paulo time, as everywhere on the panel).
 */
export function WindowForecast({ forecast, scheduled }: { forecast: SendForecastOutput; scheduled: boolean }) {
  const t = useTranslations("smsBatch.wizard.confirm.window");
  const when = scheduled ? t("atScheduled", { when: formatPanelTime(forecast.at) }) : t("now");
  const outside = forecast.places.filter((p) => p.opensAt !== null);
  let text: string;
  if (!forecast.windowBound) text = t("notBound");
  else if (forecast.outside === 0) text = t("allInside", { count: forecast.recipients, when });
  else text = t("someOutside", { outside: forecast.outside, total: forecast.recipients, when });
  return (
    <section
      aria-label={t("label")}
      className={
        forecast.outside > 0
          ? "flex flex-col gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
          : "flex flex-col gap-2 rounded-lg bg-slate-50 p-3 text-sm text-slate-800 ring-1 ring-slate-200"
      }
    >
      <p className="font-medium">{text}</p>
      {outside.length > 0 ? (
        <ul className="flex flex-col gap-1">
          {outside.map((p) => (
            <li key={`${p.uf}-${p.timeZone}`}>
              {t("place", { uf: p.uf, zone: zoneName(p.timeZone), count: p.count, when: formatPanelTime(p.opensAt!) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
