import { dayOfIso, type IsoDate } from "../core";

/** What the coordinator set for this workbook. */
export type PaneSettings = {
  /** The provider's seven-digit ACCME ID; empty when not set. */
  readonly providerId: string;
  /** The day to check as of (YYYY-MM-DD); null means the day the check runs. */
  readonly asOf: IsoDate | null;
};

/** Where settings live: the workbook itself in the add-in, memory in tests. */
export type SettingsStore = {
  read(): PaneSettings;
  /** @throws {SettingsSaveError} when the host cannot save them */
  write(settings: PaneSettings): Promise<void>;
};

/** The workbook could not save the add-in's settings. */
export class SettingsSaveError extends Error {
  override readonly name = "SettingsSaveError";
}

const KEYS = { providerId: "parsReady.providerId", asOf: "parsReady.asOf" } as const;

/**
 * Settings kept in the workbook (`Office.context.document.settings`), so that they travel with the
 * file to whoever checks it next. Values read back are validated: a hand-edited or older value
 * that is not what it should be reads as unset.
 */
export function documentSettings(settings: Office.Settings): SettingsStore {
  return {
    read() {
      const id: unknown = settings.get(KEYS.providerId);
      const asOf: unknown = settings.get(KEYS.asOf);
      return {
        providerId: typeof id === "string" && /^\d{7}$/.test(id) ? id : "",
        asOf: typeof asOf === "string" && dayOfIso(asOf) !== null ? asOf : null,
      };
    },
    write(next) {
      if (next.providerId === "") settings.remove(KEYS.providerId);
      else settings.set(KEYS.providerId, next.providerId);
      if (next.asOf === null) settings.remove(KEYS.asOf);
      else settings.set(KEYS.asOf, next.asOf);
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            reject(new SettingsSaveError(result.error.message));
          } else resolve();
        });
      });
    },
  };
}
