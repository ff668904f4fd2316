import { describe, expect, it } from "vitest";
import { shortHardware } from "./build-facts";

describe("shortHardware", () => {
  it("names a GPU by its model, without the vendor or the note in brackets", () => {
    expect(shortHardware("one NVIDIA H200 GPU (train.sh --gpu)")).toBe("one H200 GPU");
    expect(shortHardware("one NVIDIA H100 80GB HBM3 GPU")).toBe("one H100 80GB HBM3 GPU");
  });

  it("calls any CPU description the machine's two cores, and a missing one unknown", () => {
    expect(shortHardware("2-core CPU")).toBe("2 CPU cores");
    expect(shortHardware("2-core CPU shared with other jobs, 1 torch thread")).toBe("2 CPU cores");
    expect(shortHardware(undefined)).toBeNull();
  });
});
