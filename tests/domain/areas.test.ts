import { describe, expect, it } from "vitest";
import { matchProvince, matchRegency, provinces, regenciesOf, zoneAbbreviation } from "../../src/domain/areas.js";

describe("areas dataset", () => {
  it("has all 38 provinces with a time zone", () => {
    expect(provinces).toHaveLength(38);
    const zones = new Set(provinces.map((p) => zoneAbbreviation(p.timeZone)));
    expect(zones).toEqual(new Set(["WIB", "WITA", "WIT"]));
  });

  it("puts the seed meetups' provinces in the right zone", () => {
    const zoneOf = (name: string) => zoneAbbreviation(matchProvince(name).match?.timeZone ?? "");
    expect(zoneOf("Jambi")).toBe("WIB");
    expect(zoneOf("Kalimantan Selatan")).toBe("WITA");
    expect(zoneOf("Gorontalo")).toBe("WITA");
    expect(zoneOf("Papua Selatan")).toBe("WIT");
  });

  it("matches typed provinces with typos, prefixes and abbreviations", () => {
    expect(matchProvince("jambi").match?.code).toBe("15");
    expect(matchProvince("Provinsi Jambi").match?.code).toBe("15");
    expect(matchProvince("Kalimantan Selatn").match?.code).toBe("63");
    expect(matchProvince("jatim").match?.code).toBe("35");
    expect(matchProvince("DKI Jakarta").match?.code).toBe("31");
    expect(matchProvince("gorontalo").match?.code).toBe("75");
  });

  it("does not guess between equally close provinces", () => {
    const result = matchProvince("papua");
    expect(result.match?.code).toBe("91");
    const vague = matchProvince("kalimantan");
    expect(vague.match).toBeNull();
    expect(vague.candidates.length).toBeGreaterThan(1);
    expect(matchProvince("zzzzzz").match).toBeNull();
  });

  it("lists and matches kabupaten/kota of a province", () => {
    const jambi = regenciesOf("15");
    expect(jambi.length).toBe(11);
    expect(matchRegency("15", "jambi").match?.name).toBe("Kota Jambi");
    expect(matchRegency("15", "muaro jambi").match?.name).toBe("Kabupaten Muaro Jambi");
    expect(matchRegency("15", "Kab. Kerinci").match?.name).toBe("Kabupaten Kerinci");
    expect(matchRegency("63", "bnjarbaru").match?.name).toBe("Kota Banjarbaru");
    expect(matchRegency("15", "Surabaya").match).toBeNull();
  });
});
