"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { MessageIcon } from "../icons";
import { Button, buttonClasses } from "../ui/button";
import { Card } from "../ui/card";
import { Spinner } from "../ui/spinner";
import { BackToCustomers } from "./back-to-customers";
import { AddressCard, ConnectionsCard, DetailList, PhonesCard } from "./customer-detail-parts";
import { CustomerNotFound } from "./customer-not-found";
import { OptOutsCard } from "./opt-outs-card";
import { CustomerStatusBadge } from "./status-badge";

export function CustomerDetailView({ id }: { id: number }) {
  const t = useTranslations("customers");
  const tSms = useTranslations("smsIndividual");
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.customer.get.queryOptions({ id }),
    // A customer that does not exist will not appear by asking again.
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });

  if (query.isPending) {
    return (
      <div className="flex flex-col gap-4">
        <BackToCustomers />
        <div className="flex justify-center py-12">
          <Spinner label={t("loadingOne")} className="size-6 text-brand-600" />
        </div>
      </div>
    );
  }

  if (query.isError) {
    if (query.error.data?.code === "NOT_FOUND") return <CustomerNotFound />;
    return (
      <div className="flex flex-col gap-4">
        <BackToCustomers />
        <div role="alert" className="flex flex-col items-start gap-3 rounded-xl bg-red-50 p-4 text-red-900 ring-1 ring-red-200">
          <p className="font-semibold">{t("loadFailed")}</p>
          {query.error.data ? <p>{query.error.message}</p> : null}
          <Button variant="secondary" onClick={() => query.refetch()}>
            {t("retry")}
          </Button>
        </div>
      </div>
    );
  }

  const c = query.data;
  return (
    <div className="flex flex-col gap-4">
      <BackToCustomers />
      <Card aria-labelledby="customer-name">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <h1 id="customer-name" className="min-w-0 text-xl font-bold break-words text-slate-900 md:text-2xl">
            {c.name}
          </h1>
          <div className="flex flex-wrap items-center gap-3">
            <CustomerStatusBadge status={c.status} />
            <Link href={`/sms/individual/novo?cliente=${c.id}`} className={buttonClasses({ size: "sm" })}>
              <MessageIcon className="size-5" />
              {tSms("sendSms")}
            </Link>
          </div>
        </div>
        <DetailList
          className="grid-cols-2 lg:grid-cols-3"
          items={[
            { label: t("detail.code"), value: <span className="tabular-nums">{c.code}</span> },
            // CPF/CNPJ, payment profile and e-mail are absent for technicians (not "not informed").
            ...("document" in c ? [{ label: t("detail.document"), value: <span className="tabular-nums">{c.document}</span> }] : []),
            { label: t("detail.personType"), value: c.personType === "company" ? t("detail.company") : t("detail.individual") },
            ...("paymentProfile" in c ? [{ label: t("detail.paymentProfile"), value: c.paymentProfile?.name }] : []),
            ...("email" in c
              ? [
                  {
                    label: t("detail.email"),
                    value: c.email ? (
                      <a href={`mailto:${c.email}`} className="break-all text-brand-800 underline-offset-2 hover:underline">
                        {c.email}
                      </a>
                    ) : null,
                    wide: true,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <PhonesCard phones={c.phones} />
        <AddressCard address={c.address} />
        <div className="lg:col-span-2">
          <ConnectionsCard connections={c.connections} />
        </div>
        <div className="lg:col-span-2">
          <OptOutsCard customerId={c.id} />
        </div>
      </div>
    </div>
  );
}
