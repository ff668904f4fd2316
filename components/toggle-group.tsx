import type { ReactNode } from "react";

export interface ToggleOption<Value extends string> {
  value: Value;
  label: ReactNode;
  disabled?: boolean;
  /** Why an option is disabled, or what it does (a tooltip). */
  title?: string;
}

/** A row of pill buttons of which one is pressed: a labelled group, operable by keyboard (Tab, Enter). */
export function ToggleGroup<Value extends string>({
  legend,
  visibleLegend,
  options,
  value,
  onChange,
  testId,
  size = "xs",
}: {
  legend: string;
  /** Shown before the buttons; otherwise the legend is for screen readers only. */
  visibleLegend?: string;
  options: readonly ToggleOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  /** data-testid of each button. */
  testId?: string;
  size?: "xs" | "sm";
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">{legend}</legend>
      {visibleLegend && <span className="text-xs font-medium text-slate-600">{visibleLegend}</span>}
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          data-testid={testId}
          data-value={option.value}
          aria-pressed={option.value === value}
          disabled={option.disabled}
          title={option.title}
          onClick={() => onChange(option.value)}
          className={`rounded-full border px-3 py-1 font-medium disabled:cursor-not-allowed disabled:opacity-50 ${
            size === "sm" ? "text-sm" : "text-xs"
          } ${
            option.value === value
              ? "border-slate-800 bg-slate-800 text-white"
              : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
          }`}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
