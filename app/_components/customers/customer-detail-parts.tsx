"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { CustomerDetail } from "@/server/services/customers/schemas";
import { PhoneIcon } from "../icons";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { cn } from "../ui/cn";
import { ConnectionStatusBadge } from "./status-badge";

/** Label/value pairs; a missing value says so in words rather than leaving a gap. */
export function DetailList({
  items,
  className = "grid-cols-2",
}: {
  items: Array<{ label: string; value: ReactNode | null | undefined; wide?: boolean }>;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <dl className={cn("grid gap-x-6 gap-y-3", className)}>
      {items.map(({ label, value, wide }) => (
        <div key={label} className={cn("min-w-0", wide && "col-span-2 lg:col-span-1")}>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
          <dd className="mt-0.5 break-words text-slate-900">{value ?? <span className="text-slate-500">{t("notInformed")}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function formatPostalCode(cep: string | null): string | null {
  if (!cep) return null;
  const digits = cep.replace(/\D/g, "");
  return digits.length === 8 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : cep;
}

export function AddressCard({ address }: { address: CustomerDetail["address"] }) {
  const t = useTranslations("customers.detail");
  return (
    <Card aria-labelledby="customer-address">
      <CardTitle id="customer-address" className="mb-3">
        {t("address")}
      </CardTitle>
      <DetailList
        items={[
          { label: t("street"), value: address.street, wide: true },
          { label: t("number"), value: address.number || (address.street ? t("noNumber") : null) },
          { label: t("complement"), value: address.complement },
          { label: t("neighbourhood"), value: address.neighbourhood },
          { label: t("city"), value: `${address.city}/${address.uf}` },
          { label: t("postalCode"), value: formatPostalCode(address.postalCode) },
        ]}
      />
    </Card>
  );
}

export function PhonesCard({ phones }: { phones: CustomerDetail["phones"] }) {
  const t = useTranslations("customers.detail");
  return (
    <Card aria-labelledby="customer-phones">
      <CardTitle id="customer-phones" className="mb-3">
        {t("phones")}
      </CardTitle>
      {phones.length === 0 ? (
        <p className="text-slate-600">{t("noPhones")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {phones.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 py-2 first:pt-0 last:pb-0">
              <a
                href={`tel:${p.e164}`}
                aria-label={t("callPhone", { phone: p.national })}
                className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-lg pr-2 text-lg font-semibold whitespace-nowrap text-brand-800 tabular-nums hover:underline"
              >
                <PhoneIcon className="size-5 text-brand-600" />
                {p.national}
              </a>
              <span className="flex min-w-0 flex-col items-end gap-1 text-right sm:flex-row sm:items-center sm:gap-3">
                <span className="text-sm text-slate-700">
                  {p.kind === "mobile" ? t("mobile") : t("landline")}
                  {p.label ? <span className="font-medium text-slate-900"> · {p.label}</span> : null}
                </span>
                <Badge tone={p.isPrimary ? "info" : "neutral"}>{p.isPrimary ? t("primary") : t("additional")}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ConnectionsCard({ connections }: { connections: CustomerDetail["connections"] }) {
  const t = useTranslations("customers.detail");
  return (
    <Card aria-labelledby="customer-connections">
      <CardTitle id="customer-connections" className="mb-3">
        {t("connections")}
      </CardTitle>
      {connections.length === 0 ? (
        <p className="text-slate-600">{t("noConnections")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {connections.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 p-3">
              <div className="mb-2 flex items-start justify-between gap-3">
                {/* Technicians get no PPPoE login: the plan names the connection instead. */}
                {c.login !== undefined ? (
                  <p className="min-w-0 font-mono text-sm font-semibold break-all text-slate-900">
                    <span className="sr-only">{t("login")}: </span>
                    {c.login}
                  </p>
                ) : (
                  <p className="min-w-0 font-semibold break-words text-slate-900">{c.plan}</p>
                )}
                <ConnectionStatusBadge status={c.status} />
              </div>
              <DetailList
                className="grid-cols-2 sm:grid-cols-3"
                items={[
                  { label: t("plan"), value: c.plan },
                  { label: t("server"), value: c.server },
                  { label: t("accessPoint"), value: c.accessPoint },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
