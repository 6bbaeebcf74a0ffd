"use client";

import { useTranslations } from "next-intl";
import { limitMessage, SMS_LIMITS } from "@/server/sms/encoding";
import { outgoingSms } from "@/server/sms/transliterate";

/** Below this many characters left in a single SMS the counter warns. */
const NEAR_LIMIT = 10;

export type ComposeRules = { maxParts: number; stripAccents: boolean };

/**
 * The live count of a message as it will actually be sent (without accents when the account sends
 * so), in people's words: characters, "1 SMS de até 160 caracteres", "sem acentos / com acentos".
 * The server counts with the same code (outgoingSms), so the two never disagree.
 */
export function SmsCounter({ id, text, rules }: { id: string; text: string; rules: ComposeRules }) {
  const t = useTranslations("smsComposer.counter");
  const out = outgoingSms(text, rules);
  const a = out.analysis;
  const over = limitMessage(a);
  const single = SMS_LIMITS[a.encoding].single;
  const items = [
    t("characters", { count: a.characters }),
    t("parts", { parts: a.parts, perPart: a.perPart }),
    t("mode", { mode: a.encoding }),
    ...(a.parts > 0 && a.withinLimit ? [t("remaining", { count: a.remainingInPart })] : []),
    ...(rules.maxParts > 1 ? [t("limit", { max: rules.maxParts })] : []),
  ];
  const nearCap = rules.maxParts === 1 && a.withinLimit && a.units > 0 && single - a.units <= NEAR_LIMIT;

  return (
    <div id={id} aria-live="polite" className="flex flex-col gap-1.5 text-sm">
      <p className="flex flex-wrap gap-x-2 gap-y-0.5 text-slate-700 tabular-nums">
        {items.map((item, i) => (
          <span key={item} className="flex gap-x-2">
            {i > 0 ? <span aria-hidden="true">·</span> : null}
            <span>{item}</span>
          </span>
        ))}
      </p>
      {nearCap ? <p className="font-medium text-amber-900">{t("nearLimit", { count: single - a.units, limit: single })}</p> : null}
      {over ? <p className="font-medium text-red-800">{over}</p> : null}
      {out.transliterated ? <p className="text-slate-700">{t("withoutAccents")}</p> : null}
      {out.replaced.length > 0 ? <p className="font-medium text-amber-900">{t("replaced", { chars: out.replaced.join(" ") })}</p> : null}
      {!rules.stripAccents && a.encoding === "UCS2" && !over ? (
        <p className="text-amber-900">{t("withAccents", { chars: a.nonGsmChars.slice(0, 3).join(" "), ucs: SMS_LIMITS.UCS2.single, gsm: SMS_LIMITS.GSM7.single })}</p>
      ) : null}
    </div>
  );
}

/** The text as the customer will read it (rendered, and without accents when the account sends so). */
export function readableText(text: string, rules: ComposeRules): string {
  return outgoingSms(text, rules).text;
}
