/** How a commune is named to the visitor: "Pessac (33600)". Kept apart from the commune data (a lazy chunk). */
import type { Commune } from './communes.js';

/** "Pessac (33600)": the postal code the visitor typed when there are several, else the first. */
export function communeLabel(c: Commune, typed = ''): string {
  const digits = /^\s*(\d{2,5})/.exec(typed)?.[1] ?? /\b(\d{5})\b/.exec(typed)?.[1];
  const postal = (digits && c.postalCodes.find((p) => p.startsWith(digits))) || c.postalCodes[0];
  return postal ? `${c.name} (${postal})` : c.name;
}
