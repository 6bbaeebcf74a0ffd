/** Joins class names, skipping falsy ones (enough for our variants; no merge library needed). */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
