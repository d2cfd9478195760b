import { useCallback, useState } from "react";
import type { PaneSettings, SettingsStore } from "../../excel/documentSettings";
import { toPaneError, type PaneError } from "../paneError";

/** Saving settings, as one union. */
export type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving" }
  | { readonly status: "saved" }
  | { readonly status: "failed"; readonly error: PaneError };

/** The workbook's saved settings, and saving new ones. */
export function useSettings(store: SettingsStore): {
  settings: PaneSettings;
  save: SaveState;
  /** Resolves true once saved, false when the save failed (the state says why). */
  saveSettings: (next: PaneSettings) => Promise<boolean>;
} {
  const [settings, setSettings] = useState<PaneSettings>(() => store.read());
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const saveSettings = useCallback(
    async (next: PaneSettings) => {
      setSave({ status: "saving" });
      try {
        await store.write(next);
        setSettings(next);
        setSave({ status: "saved" });
        return true;
      } catch (e) {
        setSave({ status: "failed", error: toPaneError(e) });
        return false;
      }
    },
    [store]
  );
  return { settings, save, saveSettings };
}
