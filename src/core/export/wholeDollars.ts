/**
 * A support amount as PARS takes it: whole US dollars. MEMS types `CommercialSupportAmount` as
 * `xsd:integer` and upload-layouts.md §B says whole dollars, so an amount with cents is rounded to
 * the nearest dollar, half a dollar up ($1,200.50 → 1201, $99.49 → 99); the preview names every
 * amount rounded (`amount_not_whole`). Amounts are never negative (the check refuses them).
 */
export function wholeDollars(amount: number): number {
  return Math.floor(amount + 0.5);
}
