"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { AlertIcon } from "./icons";
import { Button } from "./ui/button";

/** The body of error.tsx boundaries: what happened, and a retry. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-12 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-red-100 text-red-800">
        <AlertIcon />
      </span>
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="text-slate-700">{t("text")}</p>
      {digest ? <p className="text-xs text-slate-600">{t("reference", { digest })}</p> : null}
      <Button onClick={() => retry()} className="mt-2">
        {t("retry")}
      </Button>
    </div>
  );
}
