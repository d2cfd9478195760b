import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { PaneSettings } from "../../excel/documentSettings";
import type { SaveState } from "../hooks/useSettings";
import { useSettingsDraft } from "../hooks/useSettingsDraft";
import { ErrorBar } from "./ErrorBar";
import { PanelSection } from "./PanelSection";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  // Fluent's inputs have a minimum width wider than a 320 px pane at 200% zoom.
  input: { minWidth: 0, maxWidth: "100%" },
});

/** The provider's ACCME ID and the day to check as of, saved in the workbook. */
export function SettingsPanel(props: {
  saved: PaneSettings;
  today: string;
  save: SaveState;
  onSave: (next: PaneSettings) => void;
}) {
  const styles = useStyles();
  const d = useSettingsDraft(props.saved);
  return (
    <PanelSection id="settings" title="Settings">
      <Field
        label="ACCME provider ID"
        hint="Seven digits. The learner file names it; the check catches an Internal ID that repeats it."
        validationMessage={d.problems.providerId}
        validationState={d.problems.providerId === null ? "none" : "error"}
      >
        <Input
          className={styles.input}
          value={d.providerId}
          inputMode="numeric"
          onChange={(_, data) => d.setProviderId(data.value)}
        />
      </Field>
      <Field
        label="Check as of"
        hint={`Leave empty to check as of today (${props.today}).`}
        validationMessage={d.problems.asOf}
        validationState={d.problems.asOf === null ? "none" : "error"}
      >
        <Input
          className={styles.input}
          type="date"
          value={d.asOf}
          onChange={(_, data) => d.setAsOf(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          disabled={d.draft === null || !d.changed || props.save.status === "saving"}
          onClick={() => {
            if (d.draft !== null) props.onSave(d.draft);
          }}
        >
          Save settings
        </Button>
        <Text role="status" size={200}>
          {props.save.status === "saved" && !d.changed ? "Saved in this workbook." : ""}
        </Text>
      </div>
      {props.save.status === "failed" && <ErrorBar error={props.save.error} />}
    </PanelSection>
  );
}
