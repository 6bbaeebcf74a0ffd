import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronRightIcon } from "../icons";
import { cn } from "../ui/cn";

/** "Detalhes ›": opens a message's own page (its timeline) from any row that shows it. */
export function MessageLink({ id, name, className }: { id: number; name: string; className?: string }) {
  const t = useTranslations("smsHistory.message");
  return (
    <Link
      href={`/sms/mensagens/${id}`}
      aria-label={t("openFor", { name })}
      className={cn("-mx-1 inline-flex min-h-11 items-center gap-0.5 self-start rounded-lg px-1 text-sm font-medium whitespace-nowrap text-brand-700 hover:underline", className)}
    >
      {t("open")}
      <ChevronRightIcon aria-hidden="true" className="size-4" />
    </Link>
  );
}
