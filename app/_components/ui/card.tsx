import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A white panel; `flush` drops the padding for content that runs edge to edge (lists). */
export function Card({ className, flush = false, ...props }: ComponentProps<"section"> & { flush?: boolean }) {
  return <section className={cn("rounded-xl border border-slate-200 bg-white shadow-sm", !flush && "p-4 md:p-5", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-lg font-semibold text-slate-900", className)} {...props} />;
}
