"use client";

import { type ComponentProps, useEffect, useState } from "react";
import { formatBrDate, maskBrDate, parseBrDate } from "./br-date";
import { Input } from "./input";

type Props = Omit<ComponentProps<"input">, "value" | "onChange" | "type"> & {
  /** The day as YYYY-MM-DD, or "" for none. */
  value: string;
  onChange: (iso: string) => void;
  /** Called with true while the text typed is not a whole, real day. */
  onInvalidChange?: (invalid: boolean) => void;
};

/** A day typed as dd/mm/aaaa (numeric keyboard on phones); reports the day once it is complete and real. */
export function BrDateInput({ value, onChange, onInvalidChange, ...props }: Props) {
  const [text, setText] = useState(() => formatBrDate(value));
  // The parent may change the day (e.g. "Limpar filtros"): show that, unless it is what is typed.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseBrDate(text) !== value) setText(formatBrDate(value));
  }
  const invalid = text !== "" && parseBrDate(text) === null;
  useEffect(() => onInvalidChange?.(invalid), [invalid, onInvalidChange]);
  return (
    <Input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/aaaa"
      maxLength={10}
      value={text}
      onChange={(e) => {
        const next = maskBrDate(e.target.value);
        const iso = next === "" ? "" : parseBrDate(next);
        setText(next);
        if (iso !== null && iso !== value) {
          setShown(iso);
          onChange(iso);
        } else if (iso === null && value !== "") {
          setShown("");
          onChange("");
        }
      }}
    />
  );
}
