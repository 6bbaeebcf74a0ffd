import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text inputs and selects: 44 px tall, 16 px text (no zoom on iOS), ring on focus. */
export const controlClasses = cn(
  "block w-full min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-900",
  "placeholder:text-slate-500",
  "focus-visible:border-brand-600 focus-visible:ring-3 focus-visible:ring-brand-200",
  "disabled:bg-slate-100 disabled:text-slate-600",
  "aria-invalid:border-red-700 aria-invalid:focus-visible:ring-red-200",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClasses, className)} {...props} />;
}
