import { useTranslations } from "next-intl";
import { EmptyState } from "../ui/empty-state";
import { BackToCustomers } from "./back-to-customers";

export function CustomerNotFound() {
  const t = useTranslations("customers");
  return (
    <div className="flex flex-col gap-4">
      <BackToCustomers />
      <EmptyState title={t("notFound")}>
        <p>{t("notFoundHint")}</p>
      </EmptyState>
    </div>
  );
}
