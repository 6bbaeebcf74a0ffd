"use client";

import { useFormatter, useTranslations } from "next-intl";

/** "às 14:35" today, "em 25/11 às 08:00" another day, in the operator's time zone. */
export function useWhen() {
  const t = useTranslations("smsQueue.when");
  const format = useFormatter();
  return (date: Date) => {
    const time = format.dateTime(date, { hour: "2-digit", minute: "2-digit" });
    const day = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric" });
    return day(date) === day(new Date()) ? t("today", { time }) : t("other", { date: format.dateTime(date, { day: "2-digit", month: "2-digit" }), time });
  };
}
