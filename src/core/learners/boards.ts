import { vocabulary, type Vocabulary } from "../codes/normalise";
import type { MocBoard } from "../codes/vocabularies";
import type { IsoDate } from "../dates";
import type { FormatKey } from "../formats";

// What each certifying board asks of a learner completion, as data: one entry per board, every
// value with the document it comes from. A correction (ACCME's credit-type appendix, a board's
// new rule) is a change to one entry here, never to the rules that read it.
//
// The exact strings PARS uses for MOC credit types are in an appendix of ACCME's activity XML
// specification ("Credit types for MOC registration") that no public copy holds
// (LEARNERS.md §3): the names below are the ones ACCME's pages use, and a board
// whose types no source names takes any type, with a note.

/** A fact and the document it comes from. */
export type Sourced<T> = { readonly value: T; readonly source: string };

/** One MOC credit type a board takes, and the completions it may be reported for. */
export type MocCreditType = {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The last completion day the board takes this type for, when it was discontinued. */
  readonly lastCompletion: IsoDate | null;
};

/** What a board asks of each learner completion reported to it through PARS. */
export type BoardRules = {
  readonly board: MocBoard;
  /** The credit types the board takes; null when no public source names them. */
  readonly creditTypes: Sourced<readonly MocCreditType[] | null>;
  /**
   * Whether a completion must carry the learner's board ID, or the board can match the learner
   * without one ("optional").
   */
  readonly boardId: Sourced<"required" | "optional">;
  /** Every learner of one activity must be reported with the same number of points. */
  readonly samePoints: Sourced<boolean>;
  /**
   * A learner may be reported once per activity per day, except for activities of these formats;
   * null when the board sets no such limit.
   */
  readonly onePerDay: Sourced<{ readonly exceptFormats: readonly FormatKey[] } | null>;
  /**
   * Completions of a year must be reported by this month and day of the same year; null when the
   * board's only deadline is ACCME's 30 days.
   */
  readonly reportBy: Sourced<{ readonly month: number; readonly day: number } | null>;
  /** The first completion day the board takes through PARS; null when none is published. */
  readonly firstCompletion: Sourced<IsoDate | null>;
};

const type = (
  name: string,
  aliases: readonly string[] = [],
  lastCompletion: IsoDate | null = null
) => ({
  name,
  aliases,
  lastCompletion,
});

const NOT_FOUND = "no public source names them (LEARNERS.md §3)";
const BOARD_ID_REQUIRED =
  "ACCME FAQ 7921: a MOC learner record carries the certifying-board ID (LEARNERS.md §2)";
const NO_LIMIT = "no rule of this board found (LEARNERS.md §3)";

const rules = (
  board: MocBoard,
  creditTypes: Sourced<readonly MocCreditType[] | null>,
  more: Partial<Omit<BoardRules, "board" | "creditTypes">> = {}
): BoardRules => ({
  board,
  creditTypes,
  boardId: more.boardId ?? { value: "required", source: BOARD_ID_REQUIRED },
  samePoints: more.samePoints ?? { value: false, source: NO_LIMIT },
  onePerDay: more.onePerDay ?? { value: null, source: NO_LIMIT },
  reportBy: more.reportBy ?? { value: null, source: NO_LIMIT },
  firstCompletion: more.firstCompletion ?? { value: null, source: NO_LIMIT },
});

/** The rules of each board that takes MOC completions through PARS. */
export const BOARD_RULES: Readonly<Record<MocBoard, BoardRules>> = {
  ABA: rules("ABA", {
    value: [
      type("MOCA", ["MOCA Points", "MOCA 2.0", "MOCA Minute"]),
      type("Patient Safety", ["MOCA Patient Safety", "MOCA and Patient Safety", "PS"]),
    ],
    source:
      "ACCME FAQ, reporting ABA patient safety credits: MOCA points and Patient Safety, a partly qualifying activity sent as two records (LEARNERS.md §3)",
  }),
  ABIM: rules("ABIM", {
    value: [
      type("Medical Knowledge", ["MK", "Part II", "Part 2"]),
      type("Practice Assessment", ["PA", "Part IV", "Part 4"]),
    ],
    source:
      "ACCME, tips for CME for MOC and FAQ on ABIM Practice Assessment points (LEARNERS.md §3)",
  }),
  ABOHNS: rules("ABOHNS", { value: null, source: NOT_FOUND }),
  ABOS: rules("ABOS", {
    value: null,
    source:
      "ABOS takes CME and SAE credits from PARS providers, but no source gives the values PARS writes (LEARNERS.md §3)",
  }),
  ABP: rules(
    "ABP",
    {
      value: [
        type("Lifelong Learning and Self-Assessment", [
          "Lifelong Learning and Self-Assessment (MOC Part 2)",
          "MOC Part 2",
          "Part 2",
          "Part II",
        ]),
      ],
      source: "ACCME FAQ 8080 and accme.org/abp-moc (LEARNERS.md §3)",
    },
    {
      boardId: {
        value: "required",
        source:
          "ACCME FAQ 8080: ABP matches on the ABP ID with first and last name (LEARNERS.md §3)",
      },
      samePoints: {
        value: true,
        source:
          "Ask ACCME, different types and numbers of MOC credits in the same activity: ABP requires every learner to earn the same points (LEARNERS.md §3)",
      },
      onePerDay: {
        value: { exceptFormats: ["journal"] },
        source:
          "ACCME FAQ 8080: one completion per activity per day, except journal CME (LEARNERS.md §3)",
      },
      reportBy: {
        value: { month: 12, day: 1 },
        source:
          "accme.org/abp-moc: completions submitted by December 1 of the completion year (LEARNERS.md §3)",
      },
    }
  ),
  ABPath: rules("ABPath", {
    value: [
      type("Lifelong Learning", ["LLL", "Part II", "Part 2"]),
      type("Self-Assessment Module", ["SAM", "SAMs"], "2020-12-31"),
      type("Improvement in Medical Practice", ["IMP", "Part IV", "Part 4"]),
    ],
    source:
      "accme.org/cme-counts-abpath-cc; SAM discontinued for completions from January 1, 2021 (LEARNERS.md §3)",
  }),
  ABS: rules(
    "ABS",
    {
      value: [
        type("Accredited CME", ["CME"]),
        type("Self-Assessment", [
          "Accredited CME with Evaluation and Feedback",
          "Self Assessment",
          "SA",
        ]),
      ],
      source: "ACCME, registering CME activities for ABS Continuous Certification (LEARNERS.md §3)",
    },
    {
      boardId: {
        value: "optional",
        source:
          "ACCME, ABS Continuous Certification: ABS can match a learner on name and birth month and day (LEARNERS.md §2)",
      },
      firstCompletion: {
        value: "2021-03-01",
        source:
          "ACCME, ABS Continuous Certification: no completions dated before March 1, 2021 (LEARNERS.md §3)",
      },
    }
  ),
  ABTS: rules("ABTS", { value: null, source: NOT_FOUND }),
};

const vocabularies = new Map<MocBoard, Vocabulary<string>>();

/**
 * The credit types a board takes as a vocabulary (names and aliases, compared without case or
 * punctuation), or null when the board's types are not known.
 */
export function creditTypesOf(board: MocBoard): Vocabulary<string> | null {
  const types = BOARD_RULES[board].creditTypes.value;
  if (types === null) return null;
  let v = vocabularies.get(board);
  if (v === undefined) {
    v = vocabulary(
      `${board} MOC credit type`,
      types.map((t) => [t.name, t.aliases] as const)
    );
    vocabularies.set(board, v);
  }
  return v;
}

/** The credit type of a board by its canonical name, when the board's types are known. */
export function creditTypeNamed(board: MocBoard, name: string): MocCreditType | undefined {
  return BOARD_RULES[board].creditTypes.value?.find((t) => t.name === name);
}
