import type { SmsStatus } from "@/db/schema/constants";
import { STATUS_LABELS, STATUS_TONES } from "@/server/sms/status";
import { Badge } from "../ui/badge";

/**
 * A message's status, shown the same way on every screen (history, batch recipients, queue):
 * the badge's words come from the status model itself, the colour only reinforces them.
 * `detail` adds a second line, e.g. the delivery time or the scheduled opening.
 */
export function SmsStatusBadge({ status, detail }: { status: SmsStatus; detail?: string }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
      {detail ? <span className="text-xs text-slate-600">{detail}</span> : null}
    </span>
  );
}
