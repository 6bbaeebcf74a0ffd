import { getTranslations } from "next-intl/server";
import { Spinner } from "../_components/ui/spinner";

export default async function PanelLoading() {
  const t = await getTranslations("common");
  return (
    <div className="flex justify-center py-16">
      <Spinner label={t("loading")} className="size-6 text-brand-600" />
    </div>
  );
}
