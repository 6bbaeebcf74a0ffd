"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SearchCustomersOutput } from "@/server/services/customers/schemas";
import { cn } from "../ui/cn";
import { CustomerStatusBadge } from "./status-badge";

type Item = SearchCustomersOutput["items"][number];

// One column template for the desktop header and rows, so they line up; technicians get no CPF/CNPJ column.
const COLUMNS = "md:grid-cols-[minmax(0,2fr)_4.5rem_9.5rem_minmax(0,1.4fr)_8.5rem_6rem]";
const COLUMNS_NO_DOCUMENT = "md:grid-cols-[minmax(0,2fr)_4.5rem_minmax(0,1.4fr)_8.5rem_6rem]";

/** Cards on phones; on wide screens the same markup lines up as table rows under a header. */
export function CustomerList({ items, dimmed }: { items: Item[]; dimmed: boolean }) {
  const t = useTranslations("customers");
  const withDocument = items.some((c) => c.document !== undefined);
  const columns = withDocument ? COLUMNS : COLUMNS_NO_DOCUMENT;
  return (
    <div className={cn("transition-opacity md:rounded-xl md:border md:border-slate-200 md:bg-white", dimmed && "opacity-60")}>
      <div
        aria-hidden="true"
        className={cn(
          "hidden gap-x-4 border-b border-slate-200 px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid",
          columns,
        )}
      >
        <span>{t("columns.name")}</span>
        <span>{t("columns.code")}</span>
        {withDocument ? <span>{t("columns.document")}</span> : null}
        <span>{t("columns.city")}</span>
        <span>{t("columns.mobile")}</span>
        <span>{t("columns.status")}</span>
      </div>
      <ul aria-label={t("resultsLabel")} className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-200">
        {items.map((c) => (
          <li
            key={c.id}
            className={cn(
              "relative grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
              "focus-within:ring-3 focus-within:ring-brand-200 hover:border-brand-200 hover:bg-brand-50/40",
              "md:items-center md:gap-x-4 md:rounded-none md:border-0 md:px-4 md:py-3 md:shadow-none",
              columns,
            )}
          >
            {/* The name is the link; its ::after stretches over the whole row so the row is the tap target. */}
            <Link
              href={`/clientes/${c.id}`}
              className="min-w-0 font-semibold break-words text-brand-800 after:absolute after:inset-0 after:rounded-xl hover:underline md:after:rounded-none"
            >
              {c.name}
            </Link>
            <span className="md:order-last">
              <CustomerStatusBadge status={c.status} />
            </span>
            <div className="col-span-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-sm text-slate-700 md:contents">
              <span className="tabular-nums">
                <span className="sr-only">{t("columns.code")}: </span>
                <span aria-hidden="true" className="text-slate-500 md:hidden">#</span>
                {c.code}
              </span>
              {c.document !== undefined ? (
                <span className="text-right tabular-nums md:text-left">
                  <span className="sr-only">{t("columns.document")}: </span>
                  {c.document}
                </span>
              ) : null}
              <span className="min-w-0">
                <span className="sr-only">{t("columns.city")}: </span>
                {c.city}/{c.uf}
              </span>
              <span className="text-right tabular-nums md:text-left">
                <span className="sr-only">{t("columns.mobile")}: </span>
                {c.primaryMobile ?? <span className="text-slate-500">{t("noMobile")}</span>}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
