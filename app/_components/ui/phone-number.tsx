import { cn } from "./cn";

/**
 * A phone number as one unit: "(35) 99123-4567" never breaks at its space or hyphen. Where the
 * number sits inside a sentence (a translated string), use `unbreakablePhone` instead.
 */
export function PhoneNumber({ children, className }: { children: string; className?: string }) {
  return <span className={cn("whitespace-nowrap tabular-nums", className)}>{children}</span>;
}

/** The number with a no-break space and a non-breaking hyphen, for text that cannot carry a span. */
export function unbreakablePhone(phone: string): string {
  return phone.replace(/ /g, "\u00a0").replace(/-/g, "\u2011");
}
