import { checkWorkbookRecords } from "../../../src/core";
import { aBook, aRow, TODAY } from "../../support/builders";
import { codes, run } from "../../support/check";

const withIds = (...ids: string[]) => ({
  activities: ids.map((id, i) =>
    aRow({ "Internal ID": id, "Start Date": `07/0${String(i + 1)}/2024` })
  ),
});
const plain = (book: ReturnType<typeof withIds>): boolean => {
  const out = checkWorkbookRecords(aBook(book), { today: TODAY });
  if (!out.ok) throw new Error(out.problem);
  return out.joined.plainIds;
};
const idCodes = (book: ReturnType<typeof withIds>, providerId: string | null = null) =>
  codes(run(book, TODAY, providerId)).filter((c) => /internal_id|once_safe/.test(c));

describe("IDs that leave nothing to say, and every kind that does", () => {
  it("distinct IDs already as compared leave the ID rules nothing, with or without a provider ID", () => {
    const book = withIds("GR-2024-A", "TB-12345678");
    expect(plain(book)).toBe(true);
    expect(idCodes(book)).toEqual([]);
    expect(idCodes(book, "1234567")).toEqual([]);
  });

  it.each([
    ["a missing ID", ["GR-2024", ""], ["internal_id_missing@Activities!3:Internal ID"]],
    ["seven digits", ["GR-2024", "1234567"], ["internal_id_seven_digits@Activities!3:Internal ID"]],
    [
      "one ID twice",
      ["GR-2024", "GR-2024"],
      [
        "internal_id_reused@Activities!2:Internal ID",
        "internal_id_reused@Activities!3:Internal ID",
      ],
    ],
    [
      "one ID in two cases",
      ["gr-2024", "GR-2024"],
      [
        "internal_id_reused@Activities!2:Internal ID",
        "internal_id_reused@Activities!3:Internal ID",
      ],
    ],
    [
      "an ID the same as another once a bidirectional mark is removed",
      ["GR-2024-A", "GR-\u200f2024-A"],
      [
        "internal_id_same_once_safe@Activities!2:Internal ID",
        "internal_id_same_once_safe@Activities!3:Internal ID",
      ],
    ],
  ])("%s is still found", (_, ids, found) => {
    const book = withIds(...ids);
    expect(plain(book)).toBe(false);
    expect(idCodes(book)).toEqual(found);
  });

  it("an ID with a space or lower case is looked at, and is fine when nothing is wrong", () => {
    for (const id of ["GR 2024", "gr-2024"]) {
      const book = withIds(id, "TB-1");
      expect(plain(book)).toBe(false);
      expect(idCodes(book)).toEqual([]);
    }
  });

  it("the provider's own ACCME ID as an Internal ID is still an error", () => {
    expect(idCodes(withIds("GR-2024", "1234567"), "1234567")).toEqual([
      "internal_id_is_provider_id@Activities!3:Internal ID",
    ]);
  });
});
