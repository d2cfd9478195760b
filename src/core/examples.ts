/**
 * The PARS FAQ's worked example of a Regularly Scheduled Series, as one Activities row by canonical
 * header: weekly one-hour Internal Medicine Grand Rounds from 07/01 to 06/30, reported as one
 * activity of 52 credits, with 20 physicians at each of 52 sessions = 1,040 physician learners.
 * Dates are MM/DD/YYYY text. The task pane's example row, the tests' row builder and the
 * benchmarks all start from it.
 * Source: PARS FAQ, Regularly Scheduled Series.
 */
export const GRAND_ROUNDS_EXAMPLE: Readonly<Record<string, string | number>> = {
  "Internal ID": "IMGR-2024",
  Title: "Internal Medicine Grand Rounds",
  Format: "Regularly Scheduled Series",
  "Start Date": "07/01/2024",
  "End Date": "06/30/2025",
  Status: "Closed",
  "Delivery Method": "In-Person",
  Location: "Main Hospital Auditorium",
  City: "Chicago",
  State: "IL",
  Country: "USA",
  Credits: 52,
  "CME Passport": "No",
  Description: "Weekly case-based grand rounds for the department of internal medicine.",
  Providership: "Direct",
  "Outcome Measures": "Learner Knowledge (Objective)",
  "Commercial Support": "No",
  "Physician Learners": 1040,
  "Other Learners": 0,
  MOC: "No",
};
