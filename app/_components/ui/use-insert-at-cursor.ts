"use client";

import { useRef } from "react";

/**
 * Inserts a token (e.g. a template variable) into a controlled textarea at the cursor, replacing
 * the selection, then puts the cursor after it. Attach `ref` to the textarea.
 */
export function useInsertAtCursor(value: string, onChange: (text: string) => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  function insert(token: string) {
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }
  return { ref, insert };
}
