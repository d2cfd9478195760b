import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeFor } from "../../src/taskpane/themeFor";

describe("themeFor", () => {
  it.each([
    ["#262626", webDarkTheme],
    ["000000", webDarkTheme],
    ["#ffffff", webLightTheme],
    ["#E6E6E6", webLightTheme],
    [undefined, webLightTheme],
    ["not a colour", webLightTheme],
  ])("follows Office's body background %s", (colour, theme) => {
    expect(themeFor(colour)).toBe(theme);
  });
});
