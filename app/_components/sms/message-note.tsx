import type { SmsStatus } from "@/db/schema/constants";
import { AlertIcon, ClockIcon } from "../icons";
import { cn } from "../ui/cn";

export type NoteTone = "info" | "warning" | "danger";

/**
 * How alarming a message's note is, by its status. Waiting for the send window is the normal
 * course of a message (information); a retry or a send without confirmation needs an eye
 * (warning); only a final failure is an error.
 */
export function noteTone(status: SmsStatus | null): NoteTone {
  switch (status) {
    case "failed":
    case "undelivered":
    case "blocked":
      return "danger";
    case "queued":
    case "sending":
    case "in_doubt":
      return "warning";
    default:
      return "info";
  }
}

const TONES: Record<NoteTone, string> = {
  info: "text-slate-700",
  warning: "text-amber-900",
  danger: "text-red-800",
};

/** The note under a message's status (the window it waits for, the reason it failed…). */
export function MessageNote({ status, children, className }: { status: SmsStatus | null; children: string; className?: string }) {
  const tone = noteTone(status);
  const Icon = tone === "info" ? ClockIcon : AlertIcon;
  return (
    <p data-tone={tone} className={cn("flex min-w-0 items-start gap-1.5 text-sm break-words", TONES[tone], className)}>
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0">{children}</span>
    </p>
  );
}
