import { cn } from "./cn";

/** A phone number as one unit: "(35) 99123-4567" never breaks at its space or hyphen. */
export function PhoneNumber({ children, className }: { children: string; className?: string }) {
  return <span className={cn("whitespace-nowrap tabular-nums", className)}>{children}</span>;
}

