import { dayOfIso, usOfDay } from "../core";

/** A YYYY-MM-DD day as the pane shows every date: MM/DD/YYYY (as given when it is not a day). */
export function shownDay(iso: string): string {
  const day = dayOfIso(iso);
  return day === null ? iso : usOfDay(day);
}
