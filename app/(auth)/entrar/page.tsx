import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/app/_components/auth/login-form";
import { safeNextPath } from "@/app/_components/auth/safe-next";
import { BrandMark } from "@/app/_components/icons";
import { getServerSession } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("login") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getServerSession()) redirect("/sms");
  const { next } = await searchParams;
  const t = await getTranslations();

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 pt-[max(2rem,env(safe-area-inset-top))] pb-[max(2rem,env(safe-area-inset-bottom))]">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <BrandMark className="size-14" />
          <p className="text-2xl font-bold text-slate-900">{t("common.appName")}</p>
          <p className="text-sm text-slate-600">{t("common.appDescription")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <h1 className="text-xl font-semibold text-slate-900">{t("login.title")}</h1>
          <p className="mt-1 mb-5 text-sm text-slate-600">{t("login.subtitle")}</p>
          <LoginForm next={safeNextPath(next)} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">{t("login.forgotHint")}</p>
      </div>
    </main>
  );
}
