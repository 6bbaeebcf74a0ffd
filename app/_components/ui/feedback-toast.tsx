"use client";

import { useEffect } from "react";
import { cn } from "./cn";

export type Feedback = { message: string; tone: "success" | "error" };

const SUCCESS_MS = 8000;

/**
 * The outcome of an action, floating above the bottom bar so it is seen wherever the action was
 * taken (the row may even have left the list). The live region stays in the DOM so each new
 * message is announced; errors stay until dismissed.
 */
export function FeedbackToast({ feedback, onDismiss, dismissLabel }: { feedback: Feedback | null; onDismiss: () => void; dismissLabel: string }) {
  useEffect(() => {
    if (!feedback || feedback.tone === "error") return;
    const timer = setTimeout(onDismiss, SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [feedback, onDismiss]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-40 flex justify-center md:inset-x-auto md:right-8 md:bottom-8"
    >
      {feedback ? (
        <p
          className={cn(
            "pointer-events-auto flex max-w-md items-center gap-2 rounded-lg py-1 pr-1 pl-4 text-sm font-medium text-white shadow-lg",
            feedback.tone === "success" ? "bg-emerald-800" : "bg-red-800",
          )}
        >
          <span className="py-2">{feedback.message}</span>
          <button type="button" onClick={onDismiss} className={cn("flex size-11 shrink-0 items-center justify-center rounded-md", feedback.tone === "success" ? "hover:bg-emerald-700" : "hover:bg-red-700")}>
            <span aria-hidden="true" className="text-xl leading-none">×</span>
            <span className="sr-only">{dismissLabel}</span>
          </button>
        </p>
      ) : null}
    </div>
  );
}
