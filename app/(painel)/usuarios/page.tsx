import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersManager } from "@/app/_components/users/users-manager";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("users") };
}

export default async function UsersPage() {
  const user = await requireUser(ROLE_GROUPS.admin);
  const t = await getTranslations("users");
  return (
    <div className="flex flex-col gap-4 md:gap-6">
      {/* On phones the header already shows this title, so here it is only for assistive tech. */}
      <h1 className="sr-only md:not-sr-only md:text-2xl md:font-bold md:text-slate-900">{t("title")}</h1>
      <UsersManager currentUserId={user.id} />
    </div>
  );
}
