import type { ReactNode } from "react";
import { cn } from "./cn";

/** A form's own error (not one field's), above its fields or its button; announced when it appears. */
export function FormAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={cn("rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800 ring-1 ring-red-200", className)}>
      {children}
    </p>
  );
}
