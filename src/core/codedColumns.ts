import {
  DELIVERY_METHODS,
  FEES,
  MOC_BOARDS,
  OUTCOME_NAMES,
  PROVIDERSHIPS,
  REGISTRATIONS,
  STATUSES,
  SUPPORT_TYPES,
  US_STATES,
} from "./codes/vocabularies";
import { FORMAT_KEYS, formatName } from "./formats";
import type { TableName } from "./model/issue";

/** A column whose values come from a closed list, for the dropdowns a new workbook offers. */
export type CodedColumn = {
  /** The list's name; columns offering the same values share it ("Yes/No"). */
  readonly list: string;
  readonly values: readonly string[];
  /** True when a cell may hold several values separated by semicolons. */
  readonly several: boolean;
};

const coded = (list: string, values: readonly string[], several = false): CodedColumn => ({
  list,
  values,
  several,
});

const YES_NO = coded("Yes/No", ["Yes", "No"]);
const FEE = coded("Fee", FEES.values);
const REGISTRATION = coded("Registration", REGISTRATIONS.values);

/**
 * The coded columns of each table, by canonical header, with the canonical spellings the engine
 * reads (other spellings are read too: a dropdown suggests, the check decides).
 */
export const CODED_COLUMNS: Readonly<Record<TableName, Readonly<Record<string, CodedColumn>>>> = {
  Activities: {
    Format: coded("Format", FORMAT_KEYS.map(formatName)),
    Status: coded("Status", STATUSES.values),
    "Delivery Method": coded("Delivery Method", DELIVERY_METHODS.values, true),
    State: coded("State", US_STATES.values),
    "CME Passport": YES_NO,
    Fee: FEE,
    Registration: REGISTRATION,
    Providership: coded("Providership", PROVIDERSHIPS.values),
    "Outcome Measures": coded("Outcome Measure", OUTCOME_NAMES.values, true),
    "Commercial Support": YES_NO,
    MOC: YES_NO,
    "MOC Attestation": YES_NO,
  },
  Support: { "Support Type": coded("Support Type", SUPPORT_TYPES.values) },
  MOC: { Board: coded("Board", MOC_BOARDS.values), Fee: FEE, Registration: REGISTRATION },
  Sessions: {},
};
