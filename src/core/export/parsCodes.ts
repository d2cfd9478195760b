import { lookUp } from "../codes/normalise";
import { US_STATES } from "../codes/vocabularies";
import type { ExportActivity } from "./model";

type Values = ExportActivity["values"];

/**
 * An activity's values as PARS codes them, where the workbook may hold another spelling the check
 * accepts: a US state by name ("Illinois") goes in as its two-letter USPS code (IL), as the check
 * already reads it (`stateCodeOf`; DOMAIN.md §3). Countries are ISO alpha-3 from the reading on
 * (`readCountry`). Everything else is returned as it is.
 */
export function parsCodedValues(values: Values): Values {
  if (values.country !== "USA" || values.state === undefined) return values;
  const code = lookUp(US_STATES, values.state);
  return code === undefined || code === values.state ? values : { ...values, state: code };
}

/**
 * The fields the check requires for Closed that no upload layout writes: PARS XML has no element
 * for them (upload-layouts.md §B), and Template D has no close request at all. A row needing any
 * of them is not sent with a request to close it: PARS would close a record missing them.
 */
export const CLOSED_FIELDS_NOT_CARRIED: readonly string[] = [
  "MOC: Practice Areas",
  "MOC: Fee",
  "MOC: Registration",
  "MOC: Activity URL",
  "MOC Attestation",
];

/**
 * Why a row that passes Closed is sent without its close request, or null when it can be sent
 * closed: an activity registered for MOC needs, for Closed, MOC fields no layout carries.
 */
export function closeWithheldBecause(values: Values, mocRows: number): readonly string[] | null {
  return values.moc === true || mocRows > 0 ? CLOSED_FIELDS_NOT_CARRIED : null;
}
