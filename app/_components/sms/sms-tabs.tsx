"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";

export type SmsTab = { href: string; label: string };

/** The panel's tabs ("moedas") as links, so each tab has its own URL and back button entry. */
export function SmsTabs({ label, tabs }: { label: string; tabs: SmsTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-200">
      <ul className="flex md:gap-1">
        {tabs.map((tab) => {
          const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href} className="flex-1 md:flex-none">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px flex h-full min-h-11 items-center justify-center border-b-3 px-1 text-center text-sm leading-tight font-semibold sm:px-4 md:text-base",
                  active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
