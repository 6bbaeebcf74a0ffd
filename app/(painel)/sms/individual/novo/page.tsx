import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeftIcon } from "@/app/_components/icons";
import { SendIndividualForm } from "@/app/_components/sms/individual/send-individual-form";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsIndividual.form");
  return { title: t("metaTitle") };
}

export default async function NewSmsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { cliente } = await searchParams;
  // ?cliente=<id> comes from the customer's page ("Enviar SMS").
  const customerId = typeof cliente === "string" && /^\d{1,15}$/.test(cliente) && Number(cliente) > 0 ? Number(cliente) : null;
  const t = await getTranslations("smsIndividual.form");
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-3">
      <Link href="/sms/individual" className="-ml-2 inline-flex min-h-11 items-center gap-1 self-start rounded-lg px-2 font-medium text-brand-700 hover:bg-brand-50">
        <ChevronLeftIcon className="size-5" />
        {t("back")}
      </Link>
      <h2 className="text-xl font-bold text-slate-900">{t("title")}</h2>
      <SendIndividualForm key={customerId ?? "novo"} initialCustomerId={customerId} userId={user.id} />
    </div>
  );
}
