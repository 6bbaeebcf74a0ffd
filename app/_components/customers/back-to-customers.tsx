"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { ChevronLeftIcon } from "../icons";

export const LAST_SEARCH_KEY = "clientes:ultima-busca";

const noSubscription = () => () => {};

/** Back to the list with the last search the user made, not an empty one. */
export function BackToCustomers() {
  const t = useTranslations("customers");
  // sessionStorage exists only in the browser; the server renders the plain list link.
  const q = useSyncExternalStore(noSubscription, () => sessionStorage.getItem(LAST_SEARCH_KEY), () => null);
  const href = q ? `/clientes?${new URLSearchParams({ q })}` : "/clientes";
  return (
    <Link href={href} className="-ml-2 inline-flex min-h-11 items-center gap-1 self-start rounded-lg px-2 font-medium text-brand-700 hover:bg-brand-50">
      <ChevronLeftIcon className="size-5" />
      {t("backToList")}
    </Link>
  );
}
