import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "./_components/icons";
import { buttonClasses } from "./_components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("notFound") };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <BrandMark className="size-12" />
      <h1 className="text-2xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="max-w-sm text-slate-700">{t("notFoundText")}</p>
      <Link href="/sms" className={buttonClasses()}>
        {t("goHome")}
      </Link>
    </main>
  );
}
