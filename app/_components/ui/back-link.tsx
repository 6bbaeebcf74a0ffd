import Link from "next/link";
import type { ReactNode } from "react";
import { ChevronLeftIcon } from "../icons";

/** "‹ Back to …" above a page's title: a link up to the list the page belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="-ml-2 inline-flex min-h-11 items-center gap-1 self-start rounded-lg px-2 font-medium text-brand-700 hover:bg-brand-50">
      <ChevronLeftIcon className="size-5" />
      {children}
    </Link>
  );
}
