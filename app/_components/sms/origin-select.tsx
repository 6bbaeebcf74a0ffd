"use client";

import { useTranslations } from "next-intl";
import { SMS_ORIGINS, type SmsOrigin } from "@/db/schema/constants";
import type { ControlProps } from "../ui/field";
import { Select } from "../ui/select";

/** The "Origem" filter of the history and the queue: any origin, or one of them by its name. */
export function OriginSelect({
  control,
  value,
  onChange,
  anyLabel,
}: {
  control: ControlProps;
  value: SmsOrigin | null;
  onChange: (origin: SmsOrigin | null) => void;
  anyLabel: string;
}) {
  const t = useTranslations("smsHistory.origins");
  return (
    <Select {...control} value={value ?? ""} onChange={(e) => onChange(SMS_ORIGINS.find((o) => o === e.target.value) ?? null)}>
      <option value="">{anyLabel}</option>
      {SMS_ORIGINS.map((o) => (
        <option key={o} value={o}>
          {t(o)}
        </option>
      ))}
    </Select>
  );
}
