"use client";

import { useTranslations } from "next-intl";
import type { Messages } from "@/messages";

type FieldLabelKey = `fields.${keyof Messages["smsSettings"]["fields"]}`;

/**
 * The label of a provider setting read from its schema. The cast is checked at run time by t.has:
 * a setting without a label yet shows its technical name rather than failing.
 */
export function useFieldLabel() {
  const t = useTranslations("smsSettings");
  return (name: string) => {
    const key = `fields.${name}` as FieldLabelKey;
    return t.has(key) ? t(key) : name;
  };
}
