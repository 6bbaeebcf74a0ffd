"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { BackLink } from "../ui/back-link";

export const LAST_SEARCH_KEY = "clientes:ultima-busca";

const noSubscription = () => () => {};

/** Back to the list with the last search the user made, not an empty one. */
export function BackToCustomers() {
  const t = useTranslations("customers");
  // sessionStorage exists only in the browser; the server renders the plain list link.
  const q = useSyncExternalStore(noSubscription, () => sessionStorage.getItem(LAST_SEARCH_KEY), () => null);
  const href = q ? `/clientes?${new URLSearchParams({ q })}` : "/clientes";
  return <BackLink href={href}>{t("backToList")}</BackLink>;
}
