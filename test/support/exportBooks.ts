// The workbooks the export golden files are made from, built in code so that every cell is
// visible in review. `faqExamplesBook` holds the PARS FAQ's worked examples (DOMAIN.md §1);
// `fullFieldsBook` fills every field, with several supporters and MOC boards, and text that must
// be escaped or made safe.
import type { WorkbookSource } from "../../src/core";
import { aBook, aRow, type BookInput } from "./builders";

/** The day the export golden files are checked on. */
export const EXPORT_TODAY = "2025-11-25";
/** The timestamp the golden files are named with. */
export const EXPORT_STAMP = "2025-11-25T14:05";

/** Defaults for activities that are not in person: no venue. */
const remote = {
  Location: "",
  City: "",
  State: "",
  Country: "",
} as const;

/**
 * The FAQ's worked examples, one activity each, all Closed, plus one cancelled activity (never
 * reported) and one that fails Closed (no learner count): both must stay out of the file.
 */
export const FAQ_EXAMPLES: BookInput = {
  activities: [
    // Weekly 1-h grand rounds 07/01–06/30: one activity, 52 credits, 20 × 52 = 1,040 learners.
    aRow(),
    // Enduring material launched 07/01/2023, available to 12/2024: one activity to 12/31/2024.
    aRow({
      "Internal ID": "EM-2023-01",
      Title: "Heart Failure Update (online)",
      Format: "Enduring Material",
      "Start Date": "07/01/2023",
      "End Date": "12/31/2024",
      "Delivery Method": "Online",
      ...remote,
      Credits: 1.5,
      "Physician Learners": 312,
      "Other Learners": 41,
      Description: "Self-paced online module on guideline-directed therapy for heart failure.",
    }),
    // Journal-based CME: 20 learners, 1 hour → 20 learners, 1 credit.
    aRow({
      "Internal ID": "JN-2025-03",
      Title: "Journal CME: Sepsis Bundles",
      Format: "JN",
      "Start Date": "01/01/2025",
      "End Date": "06/30/2025",
      "Delivery Method": "",
      ...remote,
      Credits: 1,
      "Physician Learners": 20,
      "Other Learners": 0,
      Description: "Journal article with post-test on sepsis bundles.",
    }),
    // Manuscript review: 25 reviewers × 2 h → 1 activity, 25 learners, 2 credits.
    aRow({
      "Internal ID": "MR-2024",
      Title: "Manuscript Review: Journal of Hospital Medicine",
      Format: "MR",
      "Start Date": "01/01/2024",
      "End Date": "12/31/2024",
      "Delivery Method": "",
      ...remote,
      Credits: 2,
      "Physician Learners": 25,
      "Other Learners": 0,
      Description: "Peer review of manuscripts for one journal.",
    }),
    // Test-item writing: 5 physicians × 10 h → 5 learners, 10 credits.
    aRow({
      "Internal ID": "TIW-2024",
      Title: "Board Review Item Writing",
      Format: "TIW",
      "Start Date": "03/01/2024",
      "End Date": "02/28/2025",
      "Delivery Method": "",
      ...remote,
      Credits: 10,
      "Physician Learners": 5,
      "Other Learners": 0,
      Description: "Writing and reviewing board-style test items.",
    }),
    // Internet searching and learning: 50 learners × 30 min → 50 learners, 0.5 credits.
    aRow({
      "Internal ID": "ISL-2024",
      Title: "Point-of-Care Learning 2024",
      Format: "ISL",
      "Start Date": "01/01/2024",
      "End Date": "12/31/2024",
      "Delivery Method": "",
      ...remote,
      Credits: 0.5,
      "Physician Learners": 50,
      "Other Learners": 0,
      Description: "Clinical questions researched at the point of care.",
      "Outcome Measures": "Learner Performance (Subjective)",
    }),
    // Learning from teaching: 10 learners, at most 10 credits → 10 learners, 10 credits.
    aRow({
      "Internal ID": "LFT-2024",
      Title: "Learning from Teaching: Residents' Curriculum",
      Format: "LFT",
      "Start Date": "07/01/2024",
      "End Date": "06/30/2025",
      "Delivery Method": "",
      ...remote,
      Credits: 10,
      "Physician Learners": 10,
      "Other Learners": 0,
      Description: "Faculty learning through preparing and teaching the residents' curriculum.",
    }),
    // Planned but never held: not reported (FAQ).
    aRow({ "Internal ID": "C-2025-CANCELLED", Title: "Spring Symposium", Status: "Cancelled" }),
    // Fails Closed: the physician learner count is blank.
    aRow({
      "Internal ID": "IMGR-2023",
      "Start Date": "07/01/2023",
      "End Date": "06/30/2024",
      "Physician Learners": "",
    }),
  ],
};

/**
 * Every field filled: a jointly provided live course with three supporters (two monetary, one in
 * kind), two MOC boards, CME Passport, an ACCME Activity ID (Update), several delivery methods and
 * outcomes; text with XML specials, typographic characters and a tab and line break to be made
 * safe; an Active enduring material with one supporter; a Ready to Close committee.
 */
export const FULL_FIELDS: BookInput = {
  activities: [
    aRow({
      "Internal ID": "CARD-2025-SYM",
      "ACCME Activity ID": "201234567",
      Title: "Cardiology Symposium:\tA & B <Update>",
      Format: "Live Course",
      "Start Date": "03/14/2025",
      "End Date": "03/16/2025",
      Status: "Closed",
      "Delivery Method": "In-Person; Live-Streamed",
      Location: "Lakeside Conference Center",
      City: "Montréal",
      State: "QC",
      Country: "CAN",
      Credits: 17.75,
      "CME Passport": "Yes",
      Fee: "No, it's free",
      Registration: "Limited",
      "Activity URL": "https://cme.example.org/activities/card-2025?ref=pars&x=1",
      Description:
        "Three days on “heart failure”, valvular disease & arrhythmia.\nIncludes <hands-on> workshops; faculty’s cases.",
      Providership: "Joint",
      "Joint Providers": "Heart Society of Québec; O'Neil & Partners Medical Group",
      "Outcome Measures":
        "Learner Knowledge (Objective); Learner Competence (Subjective); Learner Performance - Objective; Patient Health (Objective)",
      "Commercial Support": "Yes",
      "Physician Learners": 212,
      "Other Learners": 38,
      MOC: "Yes",
      "MOC Attestation": "Yes",
      Notes: "Internal note, not exported.",
    }),
    aRow({
      "Internal ID": "EM-2025-ECG",
      "ACCME Activity ID": "",
      Title: "ECG Interpretation Online",
      Format: "Internet Enduring Material",
      "Start Date": "09/01/2025",
      "End Date": "08/31/2027",
      Status: "Active",
      "Delivery Method": "Online",
      Location: "",
      City: "",
      State: "",
      Country: "",
      Credits: 4.25,
      "CME Passport": "Yes",
      Fee: "Variable",
      Registration: "Open to all",
      "Activity URL": "https://cme.example.org/ecg",
      Description: "Interactive ECG cases with feedback.",
      "Commercial Support": "Yes",
      "Physician Learners": "",
      "Other Learners": "",
      "Outcome Measures": "",
    }),
    aRow({
      "Internal ID": "CML-2025-PT",
      "ACCME Activity ID": "201200042",
      Title: "Pharmacy & Therapeutics Committee",
      Format: "Committee Learning",
      "Start Date": "01/01/2025",
      "End Date": "10/31/2025",
      Status: "Ready to Close",
      "Delivery Method": "In-Person",
      City: "Springfield",
      State: "IL",
      Country: "USA",
      Credits: 12,
      Description: "Monthly committee reviewing formulary evidence.",
      "Outcome Measures": "Community Health (Subjective)",
    }),
  ],
  support: [
    {
      "Internal ID": "CARD-2025-SYM",
      Source: "Acme Pharma, Inc.",
      "Support Type": "Monetary",
      Amount: 25000,
    },
    { "Internal ID": "card-2025-sym", Source: "Devices & Co <EU>", "Support Type": "In-kind" },
    {
      "Internal ID": "CARD-2025-SYM",
      Source: "Biotech\tLabs",
      "Support Type": "Monetary",
      Amount: "$7,500",
    },
    {
      "Internal ID": "EM-2025-ECG",
      Source: "Monitor Makers",
      "Support Type": "Monetary",
      Amount: 1200.5,
    },
  ],
  moc: [
    {
      "Internal ID": "CARD-2025-SYM",
      Board: "ABIM",
      "Practice Areas": "Cardiovascular Disease; Internal Medicine",
      "Credit Types": "Medical Knowledge; Practice Assessment",
      "MOC Credits": 17.75,
      "Content Area": "",
      Fee: "No, it's free",
      Registration: "Limited",
      "Activity URL": "https://cme.example.org/activities/card-2025",
      "Claim Date": "04/30/2025",
    },
    {
      "Internal ID": "CARD-2025-SYM",
      Board: "American Board of Pediatrics",
      "Practice Areas": "Pediatric Cardiology",
      "Credit Types": "Lifelong Learning & Self-Assessment",
      "MOC Credits": 10.5,
      "Content Area": "Cardiology",
      Fee: "No, it's free",
      Registration: "Limited",
      "Activity URL": "https://cme.example.org/activities/card-2025",
      "Claim Date": "2025-04-30",
    },
  ],
};

/** The FAQ examples as a workbook core reads. */
export const faqExamplesBook = (): WorkbookSource => aBook(FAQ_EXAMPLES);

/** The every-field workbook as core reads it. */
export const fullFieldsBook = (): WorkbookSource => aBook(FULL_FIELDS);
