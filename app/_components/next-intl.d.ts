import type { Messages } from "@/messages";

// Makes t("…") keys and their arguments type-checked against the catalogue (messages/index.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: "pt-BR";
    Messages: Messages;
  }
}
