import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CustomerSearch } from "@/app/_components/customers/customer-search";
import { Spinner } from "@/app/_components/ui/spinner";
import { requireUser } from "@/server/auth/server-session";
import { customerViewFor } from "@/server/services/customers/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("customers") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q } = await searchParams;
  const t = await getTranslations();
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-4 md:gap-6">
      {/* On phones the header already shows this title, so here it is only for assistive tech. */}
      <h1 className="sr-only md:not-sr-only md:text-2xl md:font-bold md:text-slate-900">{t("customers.title")}</h1>
      {/* A navigation to another ?q= (e.g. the "Clientes" link) starts a fresh search box; typing only replaces the URL. */}
      <Suspense fallback={<Spinner label={t("common.loading")} className="size-6 text-brand-600" />}>
        <CustomerSearch key={typeof q === "string" ? q : ""} view={customerViewFor(user.role)} />
      </Suspense>
    </div>
  );
}
