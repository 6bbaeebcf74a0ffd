import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForbiddenView } from "@/app/_components/shell/forbidden-view";
import { parseForbiddenQuery } from "@/server/auth/forbidden";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forbidden");
  return { title: t("metaTitle") };
}

type Query = { pagina?: string | string[]; perfis?: string | string[] };

/** Where requireUser sends a role that may not open a page (see server/auth/forbidden.ts). */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requireUser();
  const { path, roles } = parseForbiddenQuery(await searchParams);
  return <ForbiddenView path={path} roles={roles} role={user.role} />;
}
