import { vocabulary } from "./normalise";

// Value lists from a 2025 draft of ACCME's activity schema (DOMAIN.md §3; confidence medium).
// A correction is a one-line change to the list concerned.

export type DeliveryMethod = "In-Person" | "Live-Streamed" | "Online" | "Print/Other";
/** Source: DOMAIN.md §3, delivery methods. */
export const DELIVERY_METHODS = vocabulary<DeliveryMethod>("delivery method", [
  ["In-Person", ["In person", "Live", "Face to face", "Onsite", "On-site"]],
  ["Live-Streamed", ["Livestream", "Live stream", "Live streamed", "Webinar", "Virtual live"]],
  ["Online", ["Internet", "Web", "Web-based", "On demand", "E-learning"]],
  ["Print/Other", ["Print", "Other", "Paper"]],
]);

export type Providership = "Direct" | "Joint";
/** Source: FAQ, "directly provided" and "jointly provided" activities, and co-provided ones. */
export const PROVIDERSHIPS = vocabulary<Providership>("providership", [
  [
    "Direct",
    ["Directly provided", "Direct providership", "Direct sponsorship", "D"],
    // FAQ: "Include co-provided activities ... in this category if you are the accredited
    // provider awarding the credit."
    { words: ["Co-provided", "Coprovided", "Co-provided activity"], why: "co_provided" },
  ],
  ["Joint", ["Jointly provided", "Joint providership", "Joint sponsorship", "J"]],
]);

export type Fee = "Yes" | "No, it's free" | "Variable";
/** Source: DOMAIN.md §3, fee. */
export const FEES = vocabulary<Fee>("fee", [
  ["Yes", ["Y", "Paid", "True"]],
  ["No, it's free", ["No", "N", "Free", "No its free", "False", "None"]],
  ["Variable", ["Varies", "Varied"]],
]);

export type Registration = "Open to all" | "Limited";
/** Source: DOMAIN.md §3, registration. */
export const REGISTRATIONS = vocabulary<Registration>("registration", [
  ["Open to all", ["Open", "Open to everyone", "Public"]],
  ["Limited", ["Restricted", "Closed", "Limited to"]],
]);

export type OutcomeName =
  | "Learner Knowledge"
  | "Learner Competence"
  | "Learner Performance"
  | "Patient Health"
  | "Community Health";
/** Source: DOMAIN.md §3, outcome measures. */
export const OUTCOME_NAMES = vocabulary<OutcomeName>("outcome measure", [
  ["Learner Knowledge", ["Knowledge"]],
  ["Learner Competence", ["Competence"]],
  ["Learner Performance", ["Performance"]],
  ["Patient Health", ["Patient Outcomes", "Patient health status"]],
  ["Community Health", ["Community Outcomes", "Population health"]],
]);

export type MeasurementType = "Objective" | "Subjective";
export const MEASUREMENT_TYPES = vocabulary<MeasurementType>("measurement type", [
  ["Objective", ["Obj"]],
  ["Subjective", ["Subj", "Self-reported", "Self reported"]],
]);

export type MocBoard = "ABA" | "ABIM" | "ABOHNS" | "ABOS" | "ABP" | "ABPath" | "ABS" | "ABTS";
/** Source: DOMAIN.md §3, MOC boards that take credit through PARS. */
export const MOC_BOARDS = vocabulary<MocBoard>("MOC board", [
  ["ABA", ["American Board of Anesthesiology"]],
  ["ABIM", ["American Board of Internal Medicine"]],
  [
    "ABOHNS",
    [
      "ABOto",
      "American Board of Otolaryngology",
      "American Board of Otolaryngology Head and Neck Surgery",
    ],
  ],
  ["ABOS", ["American Board of Orthopaedic Surgery", "American Board of Orthopedic Surgery"]],
  ["ABP", ["American Board of Pediatrics"]],
  ["ABPath", ["American Board of Pathology"]],
  ["ABS", ["American Board of Surgery"]],
  ["ABTS", ["American Board of Thoracic Surgery"]],
]);

export type SupportType = "Monetary" | "In-kind";
/** Source: FAQ, commercial support: "Monetary or In-Kind selection". */
export const SUPPORT_TYPES = vocabulary<SupportType>("support type", [
  ["Monetary", ["Money", "Cash", "Grant", "Financial", "$"]],
  ["In-kind", ["In kind", "Inkind", "Non-monetary", "Equipment", "Supplies"]],
]);

export type StatusName = "Draft" | "Active" | "Ready to Close" | "Closed";
export type DeclaredStatusValue = StatusName | "Cancelled";
/** Source: FAQ, "There are four activity statuses"; Cancelled marks an activity never held. */
export const STATUSES = vocabulary<DeclaredStatusValue>("status", [
  ["Draft", [], { words: ["Planned", "Planning"] }],
  ["Active", [], { words: ["Open", "In progress", "Ongoing"] }],
  [
    "Ready to Close",
    ["RTC", "Ready for close", "Ready for closing"],
    { words: ["Ready", "To close"] },
  ],
  ["Closed", [], { words: ["Complete", "Completed", "Done"] }],
  ["Cancelled", ["Canceled"], { words: ["Cancel", "Not held", "Did not occur"] }],
]);

/** Source: DOMAIN.md §3, State: two-letter USPS codes including DC and the territories. */
export const US_STATES = vocabulary<string>("US state", [
  ["AL", ["Alabama"]],
  ["AK", ["Alaska"]],
  ["AZ", ["Arizona"]],
  ["AR", ["Arkansas"]],
  ["CA", ["California"]],
  ["CO", ["Colorado"]],
  ["CT", ["Connecticut"]],
  ["DE", ["Delaware"]],
  ["DC", ["District of Columbia", "Washington DC", "Washington D.C."]],
  ["FL", ["Florida"]],
  ["GA", ["Georgia"]],
  ["HI", ["Hawaii"]],
  ["ID", ["Idaho"]],
  ["IL", ["Illinois"]],
  ["IN", ["Indiana"]],
  ["IA", ["Iowa"]],
  ["KS", ["Kansas"]],
  ["KY", ["Kentucky"]],
  ["LA", ["Louisiana"]],
  ["ME", ["Maine"]],
  ["MD", ["Maryland"]],
  ["MA", ["Massachusetts"]],
  ["MI", ["Michigan"]],
  ["MN", ["Minnesota"]],
  ["MS", ["Mississippi"]],
  ["MO", ["Missouri"]],
  ["MT", ["Montana"]],
  ["NE", ["Nebraska"]],
  ["NV", ["Nevada"]],
  ["NH", ["New Hampshire"]],
  ["NJ", ["New Jersey"]],
  ["NM", ["New Mexico"]],
  ["NY", ["New York"]],
  ["NC", ["North Carolina"]],
  ["ND", ["North Dakota"]],
  ["OH", ["Ohio"]],
  ["OK", ["Oklahoma"]],
  ["OR", ["Oregon"]],
  ["PA", ["Pennsylvania"]],
  ["RI", ["Rhode Island"]],
  ["SC", ["South Carolina"]],
  ["SD", ["South Dakota"]],
  ["TN", ["Tennessee"]],
  ["TX", ["Texas"]],
  ["UT", ["Utah"]],
  ["VT", ["Vermont"]],
  ["VA", ["Virginia"]],
  ["WA", ["Washington"]],
  ["WV", ["West Virginia"]],
  ["WI", ["Wisconsin"]],
  ["WY", ["Wyoming"]],
  ["PR", ["Puerto Rico"]],
  ["GU", ["Guam"]],
  ["VI", ["US Virgin Islands", "Virgin Islands"]],
  ["AS", ["American Samoa"]],
  ["MP", ["Northern Mariana Islands"]],
]);
