import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Role } from "@/db/schema/constants";
import { ROLE_LABELS } from "@/server/api/permissions";
import { ShieldUserIcon } from "../icons";
import { buttonClasses } from "../ui/button";
import { Card } from "../ui/card";

type ScreenKey = "smsBatch" | "smsQueue" | "smsHistory" | "users" | "smsSettings";

// The screens a role may lack, by path prefix (the longest first wins).
const SCREENS: ReadonlyArray<[string, ScreenKey]> = [
  ["/configuracoes/sms", "smsSettings"],
  ["/sms/historico", "smsHistory"],
  ["/sms/lote", "smsBatch"],
  ["/sms/fila", "smsQueue"],
  ["/usuarios", "users"],
];

function screenOf(path: string): ScreenKey | null {
  return SCREENS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? null;
}

/** "Sem permissão": what the person tried to open, who may open it, and the way back. */
export function ForbiddenView({ path, roles, role }: { path: string | null; roles: Role[]; role: Role }) {
  const t = useTranslations("forbidden");
  const screen = path ? screenOf(path) : null;
  const list = new Intl.ListFormat("pt-BR", { type: "conjunction" }).format(roles.map((r) => ROLE_LABELS[r]));
  return (
    <Card className="mx-auto flex w-full max-w-xl flex-col items-start gap-3">
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-amber-100 text-amber-900">
        <ShieldUserIcon className="size-6" />
      </div>
      <h1 className="text-xl font-bold text-slate-900">{t("title")}</h1>
      <p className="text-slate-800">{path ? t("tried", { screen: t(`screens.${screen ?? "other"}`), path }) : t("triedUnknown")}</p>
      {roles.length > 0 ? <p className="text-slate-800">{t("onlyFor", { count: roles.length, roles: list, role: ROLE_LABELS[role] })}</p> : null}
      <p className="text-sm text-slate-600">{t("askAdmin")}</p>
      <Link href="/sms/individual" className={buttonClasses({ className: "mt-1" })}>
        {t("back")}
      </Link>
    </Card>
  );
}
