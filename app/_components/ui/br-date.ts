/**
 * Dates typed the Brazilian way (dd/mm/aaaa), whatever language the browser is set to: the native
 * date input follows the browser's locale, so an English Chrome showed mm/dd/yyyy.
 */

/** Digits typed so far, shown as dd/mm/aaaa while typing ("1603" → "16/03"). */
export function maskBrDate(typed: string): string {
  const d = typed.replace(/\D/g, "").slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** "16/03/2026" → "2026-03-16"; null when incomplete or not a day of the calendar (31/02). */
export function parseBrDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (year < 1900) return null;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** "2026-03-16" → "16/03/2026" ("" for anything else). */
export function formatBrDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}
