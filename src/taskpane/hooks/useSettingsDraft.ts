import { useEffect, useState } from "react";
import { dayOfIso } from "../../core";
import type { PaneSettings } from "../../excel/documentSettings";

/** What is wrong with a draft, field by field; null where the field is fine. */
export type DraftProblems = { readonly providerId: string | null; readonly asOf: string | null };

/** The settings form's draft: edited freely, checked before it can be saved. */
export function useSettingsDraft(saved: PaneSettings): {
  providerId: string;
  asOf: string;
  setProviderId: (v: string) => void;
  setAsOf: (v: string) => void;
  problems: DraftProblems;
  draft: PaneSettings | null;
  changed: boolean;
} {
  const [providerId, setProviderId] = useState(saved.providerId);
  const [asOf, setAsOf] = useState(saved.asOf ?? "");
  useEffect(() => {
    setProviderId(saved.providerId);
    setAsOf(saved.asOf ?? "");
  }, [saved]);
  const id = providerId.trim();
  const day = asOf.trim();
  const problems: DraftProblems = {
    providerId:
      id === "" || /^\d{7}$/.test(id) ? null : "Enter the seven digits ACCME assigned, or nothing.",
    asOf:
      day === "" || dayOfIso(day) !== null
        ? null
        : "Enter a date as YYYY-MM-DD, or nothing for today.",
  };
  const draft =
    problems.providerId === null && problems.asOf === null
      ? { providerId: id, asOf: day === "" ? null : day }
      : null;
  const changed = id !== saved.providerId || (day === "" ? null : day) !== saved.asOf;
  return { providerId, asOf, setProviderId, setAsOf, problems, draft, changed };
}
