// What an activity is known by in PARS, judged on the text the file will hold rather than on the
// cells: PARS matches records by Provider Activity ID, so an upload row without one cannot go in.
// Two IDs that become one text once made safe, and a required text that is empty once made safe,
// are the check's findings (`rules/safeIdRules.ts`, `rules/statusRequirements.ts`), so a row
// passes the check exactly when it can go into a file.

/** Why a row without an Internal ID cannot go into an upload (when the check gave no words). */
export const NO_INTERNAL_ID =
  "Has no Internal ID: every row of a batch upload needs one, and PARS matches records by it.";
