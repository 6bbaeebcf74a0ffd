import { cn } from "./cn";

/** A spinning ring; pass `label` when it is the only sign of loading (announced politely). */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  const ring = (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={cn("size-5 animate-spin", className)}>
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (!label) return ring;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-slate-700">
      {ring}
      <span>{label}</span>
    </span>
  );
}
