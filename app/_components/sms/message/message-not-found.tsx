import { useTranslations } from "next-intl";
import { EmptyState } from "../../ui/empty-state";
import { BackLink } from "../../ui/back-link";

/** An unknown id, or a message the viewer may not open: the same answer, so ids cannot be probed. */
export function MessageNotFound({ backHref, backLabel }: { backHref: string; backLabel: string }) {
  const t = useTranslations("smsHistory.message");
  return (
    <div className="flex flex-col gap-4">
      <BackLink href={backHref}>{backLabel}</BackLink>
      <EmptyState title={<span role="heading" aria-level={2}>{t("notFound")}</span>}>
        <p>{t("notFoundHint")}</p>
      </EmptyState>
    </div>
  );
}
