"use client";

import { useTranslations } from "next-intl";
import type { CustomerStatus } from "@/db/schema/constants";
import { Badge, type BadgeTone } from "../ui/badge";

const TONE: Record<CustomerStatus, BadgeTone> = { active: "success", suspended: "warning", cancelled: "neutral" };

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  const t = useTranslations("customers.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

/** Connections are feminine in Portuguese ("conexão ativa"), so they have their own words. */
export function ConnectionStatusBadge({ status }: { status: CustomerStatus }) {
  const t = useTranslations("customers.detail.connectionStatuses");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
