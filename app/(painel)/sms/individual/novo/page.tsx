import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/app/_components/ui/back-link";
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
      <BackLink href="/sms/individual">{t("back")}</BackLink>
      <h2 className="text-xl font-bold text-slate-900">{t("title")}</h2>
      <SendIndividualForm key={customerId ?? "novo"} initialCustomerId={customerId} userId={user.id} />
    </div>
  );
}
