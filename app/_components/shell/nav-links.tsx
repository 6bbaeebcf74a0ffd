"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { MessageIcon, PeopleIcon, SettingsIcon, ShieldUserIcon } from "../icons";
import { cn } from "../ui/cn";
import { isActive, type NavItem, type NavKey } from "./nav-items";

const ICONS: Record<NavKey, typeof MessageIcon> = { sms: MessageIcon, customers: PeopleIcon, users: ShieldUserIcon, smsSettings: SettingsIcon };

/** Side navigation: only on wide screens (display:none keeps it out of the accessibility tree on phones). */
export function SideNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="hidden md:flex md:flex-col md:gap-1 md:px-3">
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        const Icon = ICONS[item.key];
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex min-h-11 items-center gap-3 rounded-lg px-3 text-base font-medium",
              active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon className={cn("size-5 shrink-0", active ? "text-brand-600" : "text-slate-500")} />
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}

/** Bottom bar for phones: within thumb reach, above the home indicator (safe-area inset). */
export function BottomNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav
      aria-label={t("label")}
      className="fixed inset-x-0 bottom-0 z-30 flex border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] shadow-[0_-1px_3px_rgb(0_0_0/0.06)] md:hidden"
    >
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        const Icon = ICONS[item.key];
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "relative flex min-h-14 flex-1 flex-col items-center justify-center gap-0.5 text-xs font-medium",
              active ? "text-brand-700" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {active ? <span aria-hidden="true" className="absolute inset-x-6 top-0 h-1 rounded-b-full bg-brand-600" /> : null}
            <Icon className="size-6" />
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
