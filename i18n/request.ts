import { getRequestConfig } from "next-intl/server";
import { messages } from "@/messages";

// The product speaks Brazilian Portuguese only; no locale routing.
export default getRequestConfig(async () => ({
  locale: "pt-BR",
  timeZone: "America/Sao_Paulo",
  messages,
}));
