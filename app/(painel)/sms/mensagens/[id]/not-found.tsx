import { getTranslations } from "next-intl/server";
import { MessageNotFound } from "@/app/_components/sms/message/message-not-found";
import { can } from "@/server/api/permissions";
import { getServerSession } from "@/server/auth/server-session";

// A malformed id ("/sms/mensagens/abc") gets the same page as an unknown one.
export default async function MessageNotFoundPage() {
  const [user, t] = await Promise.all([getServerSession(), getTranslations("smsHistory.message")]);
  const all = user ? can(user.role, "sms") : false;
  return <MessageNotFound backHref={all ? "/sms/historico" : "/sms/individual"} backLabel={all ? t("backHistory") : t("backIndividual")} />;
}
