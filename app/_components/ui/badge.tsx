import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "success" | "warning" | "neutral" | "danger" | "info";

// Dark text on a light tint: every pair is above 4.5:1.
const TONES: Record<BadgeTone, string> = {
  success: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  warning: "bg-amber-100 text-amber-900 ring-amber-300",
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  danger: "bg-red-100 text-red-900 ring-red-300",
  info: "bg-brand-50 text-brand-800 ring-brand-200",
};

/** A status in words (colour only reinforces it). */
export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
