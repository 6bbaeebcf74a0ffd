"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { can } from "@/server/api/permissions";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";

/** The customer's numbers that asked not to receive SMS (LGPD opt-out), and lifting them. */
export function OptOutsCard({ customerId }: { customerId: number }) {
  const t = useTranslations("customers.optOuts");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.me.get.queryOptions());
  const list = useQuery(trpc.customer.optOuts.queryOptions({ id: customerId }));
  const [status, setStatus] = useState("");
  const lift = useMutation(
    trpc.customer.liftOptOut.mutationOptions({
      onSuccess: async (_data, vars) => {
        const lifted = list.data?.find((o) => o.id === vars.id);
        setStatus(t("lifted", { phone: lifted?.national ?? "" }));
        await queryClient.invalidateQueries({ queryKey: trpc.customer.optOuts.queryKey({ id: customerId }) });
      },
    }),
  );
  const mayLift = me.data ? can(me.data.role, "sms") : false;

  return (
    <Card aria-labelledby="customer-opt-outs">
      <CardTitle id="customer-opt-outs" className="mb-3">
        {t("title")}
      </CardTitle>
      {list.isPending ? (
        <p className="text-slate-600">{t("loading")}</p>
      ) : list.isError ? (
        <p role="alert" className="text-red-800">{list.error.message}</p>
      ) : list.data.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {list.data.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200">
              <div className="min-w-0">
                <p className="font-semibold text-slate-900 tabular-nums">{o.national}</p>
                <p className="text-sm text-slate-700">
                  {t(`source.${o.source}`)} · {format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  {o.detail ? ` · “${o.detail}”` : ""}
                </p>
              </div>
              {mayLift ? (
                <Button variant="secondary" disabled={lift.isPending} onClick={() => lift.mutate({ id: o.id })} aria-label={t("liftFor", { phone: o.national })}>
                  {t("lift")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {lift.isError ? <p role="alert" className="mt-2 text-red-800">{lift.error.message}</p> : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-emerald-800">
        {status}
      </p>
    </Card>
  );
}
