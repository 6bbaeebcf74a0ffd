"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { CustomerDetail, SearchCustomersOutput } from "@/server/services/customers/schemas";
import { SearchIcon } from "../icons";
import { savedQueryData } from "../pwa/persisted-queries";
import { useOnline } from "../pwa/use-online";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import type { ControlProps } from "../ui/field";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { useDebounced } from "../ui/use-debounced";
import { findSavedCustomers } from "./offline-customers";

export type PickedCustomer = { id: number; name: string; code: string; primaryMobile?: string | null };

const DEBOUNCE_MS = 300;
const MIN_CHARS = 2;

/**
 * Finds a customer as you type (server-side search, debounced) and keeps the one picked. Rendered
 * inside a Field: `control` carries the label's id and the aria links to hint and error.
 */
export function CustomerPicker({
  value,
  onChange,
  control,
  clearable = false,
  autoFocus = false,
}: {
  value: PickedCustomer | null;
  onChange: (c: PickedCustomer | null) => void;
  control: ControlProps;
  /** A filter can be emptied; a form field is only changed. */
  clearable?: boolean;
  autoFocus?: boolean;
}) {
  const t = useTranslations("smsIndividual.customerPicker");
  const tOffline = useTranslations("pwa.customerSearch");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnline();
  const listId = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Keeps the keyboard where the user is: on the search after "Trocar", on "Trocar" after a pick.
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (value) buttonRef.current?.focus();
    else inputRef.current?.focus();
  }, [value]);

  function pick(c: PickedCustomer | null) {
    moveFocus.current = true;
    onChange(c);
  }

  const enabled = q.length >= MIN_CHARS;
  const search = useQuery({ ...trpc.customer.search.queryOptions({ q }), enabled, placeholderData: keepPreviousData });
  // Offline, a term never searched on this device has no answer of its own: the previous term's
  // results (kept while a new search loads) would pass for this one's. Search what the device saved.
  const offlineSearch = enabled && !online && (search.isPlaceholderData || search.data === undefined);
  const saved = useMemo(() => {
    if (!offlineSearch) return [];
    const isKey = (path: readonly unknown[]) => (key: readonly unknown[]) => JSON.stringify(key[0]) === JSON.stringify(path[0]);
    const lists = savedQueryData(queryClient, isKey(trpc.customer.search.pathKey())) as SearchCustomersOutput[];
    const details = savedQueryData(queryClient, isKey(trpc.customer.get.pathKey())) as CustomerDetail[];
    return findSavedCustomers(q, lists, details);
  }, [offlineSearch, q, queryClient, trpc]);
  // The picked customer's saved details (the form fills DDD and number from them).
  const detail = useQuery({ ...trpc.customer.get.queryOptions({ id: value?.id ?? 0 }), enabled: false });

  if (value) {
    return (
      <div className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2">
        <div className="min-w-0 flex-1">
          <p className="font-semibold break-words text-slate-900">{value.name || t("loading")}</p>
          {value.code ? <p className="text-sm text-slate-600 tabular-nums">{t("code", { code: value.code })}</p> : null}
          {!clearable && !online && !detail.data ? (
            <p className="mt-1 text-sm font-medium text-amber-900">
              {value.primaryMobile ? tOffline("offlineNoDetailMobile", { phone: value.primaryMobile }) : tOffline("offlineNoDetail")}
            </p>
          ) : null}
        </div>
        <Button
          id={control.id}
          ref={buttonRef}
          variant="secondary"
          size="sm"
          aria-describedby={control["aria-describedby"]}
          aria-label={clearable ? t("clearCustomer", { name: value.name }) : t("changeCustomer", { name: value.name })}
          onClick={() => pick(null)}
        >
          {clearable ? t("clear") : t("change")}
        </Button>
      </div>
    );
  }

  const items = !enabled ? [] : offlineSearch ? saved : (search.data?.items ?? []);
  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
        <Input
          {...control}
          ref={inputRef}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the only match instead of submitting the form around it.
            if (e.key === "Enter") {
              e.preventDefault();
              if (items.length === 1 && items[0]) pick(items[0]);
            }
          }}
          placeholder={t("placeholder")}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          aria-controls={listId}
          autoFocus={autoFocus}
          className="pl-10"
        />
      </div>
      <div aria-live="polite" className="text-sm text-slate-600">
        {!enabled ? (
          text.trim().length > 0 ? t("typeMore") : null
        ) : offlineSearch ? (
          <span className="font-medium text-amber-900">{items.length === 0 ? tOffline("offlineNoResults", { q }) : tOffline("offlineResults", { count: items.length })}</span>
        ) : search.isFetching ? (
          <Spinner label={t("searching")} className="size-4 text-brand-600" />
        ) : search.isError ? (
          <span className="font-medium text-red-800">{search.error.data ? search.error.message : t("failed")}</span>
        ) : items.length === 0 ? (
          t("noResults", { q })
        ) : (
          t("resultsCount", { count: items.length })
        )}
      </div>
      <ul id={listId} aria-label={t("results")} className={cn("flex flex-col divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white", items.length === 0 && "hidden")}>
        {items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => pick({ id: c.id, name: c.name, code: c.code, primaryMobile: c.primaryMobile })}
              className="flex min-h-11 w-full flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 px-3 py-2 text-left hover:bg-brand-50 focus-visible:bg-brand-50"
            >
              <span className="min-w-0 font-medium break-words text-slate-900">{c.name}</span>
              <span className="text-sm text-slate-600 tabular-nums">
                #{c.code} · {c.city}/{c.uf} · {c.primaryMobile ?? t("noMobile")}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!offlineSearch && search.data?.nextCursor != null && items.length > 0 ? <p className="text-sm text-slate-600">{t("moreResults")}</p> : null}
    </div>
  );
}
