"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BrandMark } from "../icons";
import { PwaShell } from "../pwa/pwa-shell";
import type { NavItem } from "./nav-items";
import { BottomNav, SideNav } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type TitleKey = "sms" | "customer" | "customers" | "users" | "smsSettings";

function titleKeyFor(pathname: string): TitleKey | null {
  if (pathname.startsWith("/sms")) return "sms";
  if (/^\/clientes\/[^/]+/.test(pathname)) return "customer";
  if (pathname.startsWith("/clientes")) return "customers";
  if (pathname.startsWith("/usuarios")) return "users";
  if (pathname.startsWith("/configuracoes/sms")) return "smsSettings";
  return null;
}

/**
 * The signed-in frame: side navigation on wide screens, a bottom bar on phones, and a header with
 * the page title, who is signed in and "Sair", plus the connection state and a waiting update.
 */
export function AppShell({
  items,
  userId,
  userName,
  roleLabel,
  children,
}: {
  items: NavItem[];
  userId: string;
  userName: string;
  roleLabel: string;
  children: ReactNode;
}) {
  const t = useTranslations();
  const pathname = usePathname();
  const titleKey = titleKeyFor(pathname);

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#conteudo"
        className="sr-only z-50 rounded-lg bg-white px-4 py-3 font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("common.skipToContent")}
      </a>

      <aside className="hidden md:sticky md:top-0 md:flex md:h-dvh md:w-60 md:shrink-0 md:flex-col md:gap-6 md:border-r md:border-slate-200 md:bg-white md:py-5">
        <Link href="/sms" className="mx-3 flex items-center gap-3 rounded-lg px-2 py-1">
          <BrandMark />
          <span className="text-lg font-bold text-slate-900">{t("common.appName")}</span>
        </Link>
        <SideNav items={items} />
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 pt-[env(safe-area-inset-top)] backdrop-blur">
          <div className="flex h-14 items-center gap-3 px-4 md:h-16 md:px-8">
            {/* The page's own h1 carries the title for assistive tech; this is its visual copy on phones. */}
            <p aria-hidden="true" className="shrink-0 text-lg font-semibold text-slate-900 md:hidden">
              {titleKey ? t(`meta.${titleKey}`) : t("common.appName")}
            </p>
            <div className="ml-auto flex min-w-0 items-center gap-3">
              <div className="min-w-0 text-right leading-tight" aria-label={t("nav.userMenu")} role="group">
                <p className="truncate text-sm font-medium text-slate-900 sm:max-w-[16rem]" title={userName}>
                  {userName}
                </p>
                <p className="text-xs text-slate-600">{roleLabel}</p>
              </div>
              <SignOutButton userId={userId} />
            </div>
          </div>
          <PwaShell userId={userId} />
        </header>

        <main
          id="conteudo"
          tabIndex={-1}
          className="flex-1 px-4 pt-4 pb-[calc(5.5rem+env(safe-area-inset-bottom))] outline-none md:px-8 md:pt-6 md:pb-10"
        >
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>

      <BottomNav items={items} />
    </div>
  );
}
