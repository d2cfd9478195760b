import type { FormatKey } from "../formats";
import { profileOf } from "../formats";

/** The step credits are designated in (AMA PRA Category 1 Credit™; DOMAIN.md §1). */
export const CREDIT_STEP = 0.25;

/**
 * Time rounded to the 0.25-credit step: to the nearest quarter hour, halves rounding up
 * (7.5 minutes gives 0.25). One hour of learning is one credit. 30 minutes gives 0.5 (the FAQ's
 * internet searching and learning example).
 */
export function roundCredits(hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0) return 0;
  // Work in whole minutes/quarters with a small tolerance so that 0.1 + 0.2 style noise never
  // tips a value across a half step.
  return Math.floor(hours / CREDIT_STEP + 0.5 + 1e-9) * CREDIT_STEP;
}

/** Credits for a number of minutes. */
export function creditsForMinutes(minutes: number): number {
  return roundCredits(minutes / 60);
}

/**
 * Credits for a whole series: the per-session hours times the number of sessions, e.g. weekly
 * one-hour grand rounds for a year, 1 × 52 = 52 credits.
 * Source: PARS FAQ, RSS: "the number of credits listed for the activity should be for the entire
 * series, not the credit amount per session".
 */
export function seriesCredits(hoursPerSession: number, sessions: number): number {
  return hoursPerSession * sessions;
}

/**
 * Learners for a series: a per-session count times the number of sessions, e.g. 20 physicians at
 * each of 52 sessions = 1,040.
 * Source: PARS FAQ, RSS: "each physician or other learner is counted as a learner for every session
 * they attend".
 */
export function seriesLearners(learnersPerSession: number, sessions: number): number {
  return learnersPerSession * sessions;
}

/** The sum of a list of numbers (session hours, per-session learner counts). */
export function total(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

/**
 * The learners a format reports from attendance records (one learner ID per attended session):
 * every attendance for a format that counts per session attended (RSS), distinct learners for the
 * others (journal, manuscript review, test-item writing, PI, ISL, LFT, committee...).
 * Source: PARS FAQ, per format ("distinct number of learners", "number of participants").
 */
export function learnersFromAttendance(format: FormatKey, learnerIds: readonly string[]): number {
  const ids = learnerIds.map((id) => id.trim()).filter((id) => id !== "");
  if (profileOf(format).learnerBasis === "per_session_attended") return ids.length;
  return new Set(ids.map((id) => id.toUpperCase())).size;
}
