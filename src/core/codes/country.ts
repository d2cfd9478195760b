import { COUNTRIES } from "./countries";
import { normaliseKey } from "./normalise";

export type CountryMatch = { readonly code: string; readonly normalised: boolean };

const BY_ALPHA3 = new Map<string, string>();
const BY_OTHER = new Map<string, string>();
for (const [a3, a2, names] of COUNTRIES) {
  BY_ALPHA3.set(a3, a3);
  BY_OTHER.set(normaliseKey(a2), a3);
  for (const n of names) BY_OTHER.set(normaliseKey(n), a3);
}
// Spellings coordinators use that ISO's English names do not carry.
for (const [name, a3] of [
  ["America", "USA"],
  ["England", "GBR"],
  ["Scotland", "GBR"],
  ["Wales", "GBR"],
  ["Britain", "GBR"],
  ["South Korea", "KOR"],
  ["Korea", "KOR"],
  ["Russia", "RUS"],
  ["Holland", "NLD"],
] as const) {
  BY_OTHER.set(normaliseKey(name), a3);
}

/**
 * PARS wants ISO 3166-1 alpha-3 (DOMAIN.md §3). Alpha-3 passes as is; an alpha-2 code or an English
 * name is accepted and reported as normalised, so the coordinator can see what will be uploaded.
 */
export function matchCountry(text: string): CountryMatch | undefined {
  const upper = text.trim().toUpperCase();
  const exact = BY_ALPHA3.get(upper);
  if (exact !== undefined) return { code: exact, normalised: false };
  const other = BY_OTHER.get(normaliseKey(text));
  return other === undefined ? undefined : { code: other, normalised: true };
}
