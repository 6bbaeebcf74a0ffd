"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SendOutcomeOutput } from "@/server/services/sms/schemas";
import type { DraftErrors, DraftRules, IndividualDraft } from "./draft";

// The validator brings zod; it loads right after the form appears instead of with the page.
let validatorModule: Promise<typeof import("./validate-draft")> | null = null;
function loadValidator() {
  validatorModule ??= import("./validate-draft").catch((err: unknown) => {
    validatorModule = null;
    throw err;
  });
  return validatorModule;
}

export type SendIndividualState =
  | { kind: "idle" }
  /** Refused before leaving the device. */
  | { kind: "invalid"; fieldErrors: DraftErrors }
  | { kind: "sending" }
  /** The server recorded the message (sent, delivered, failed…): `outcome` says how it went. */
  | { kind: "done"; outcome: SendOutcomeOutput }
  /** Refused by the server (fieldErrors per field), or the request did not complete (`network`). */
  | { kind: "error"; message: string | null; fieldErrors: DraftErrors; network: boolean };

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (https, localhost). */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The submit of "Novo SMS": validates the draft with the server's rules, then calls
 * sms.sendIndividual. One idempotency key per composed message: kept across retries (a lost
 * response, a second tap), so the server sends it once; replaced only after the server recorded the
 * message, when the next send is a new message. (Issue #6 wraps this hook with the offline outbox.)
 */
export function useSendIndividual() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  const busy = useRef(false);
  const [invalid, setInvalid] = useState<DraftErrors | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    loadValidator().catch(() => {});
  }, []);
  const mutation = useMutation(
    trpc.sms.sendIndividual.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.message.list.pathFilter()),
    }),
  );

  /** Validates, then sends; resolves true once the server recorded the message (see `state` for how it went). */
  async function send(draft: IndividualDraft, rules: DraftRules): Promise<boolean> {
    if (busy.current || mutation.isPending) return false;
    busy.current = true;
    try {
      let validate: (typeof import("./validate-draft"))["validateIndividualDraft"];
      try {
        validate = (await loadValidator()).validateIndividualDraft;
      } catch {
        setUnreachable(true);
        return false;
      }
      setUnreachable(false);
      const errors = validate(draft, rules);
      if (Object.keys(errors).length > 0 || draft.customerId == null || !draft.confirmed) {
        setInvalid(errors);
        mutation.reset();
        return false;
      }
      setInvalid(null);
      key.current ??= newKey();
      return await mutation.mutateAsync({ ...draft, customerId: draft.customerId, confirmed: true, idempotencyKey: key.current }).then(
        () => {
          // The message exists now: whatever is composed next is another message.
          key.current = null;
          return true;
        },
        // Shown through the mutation's state; the key stays for the retry.
        () => false,
      );
    } finally {
      busy.current = false;
    }
  }

  /** Starts a new message: clears the outcome and errors; the next send gets a new key. */
  function reset() {
    key.current = null;
    setInvalid(null);
    setUnreachable(false);
    mutation.reset();
  }

  let state: SendIndividualState;
  if (unreachable) state = { kind: "error", message: null, fieldErrors: {}, network: true };
  else if (invalid) state = { kind: "invalid", fieldErrors: invalid };
  else if (mutation.isPending) state = { kind: "sending" };
  else if (mutation.isSuccess) state = { kind: "done", outcome: mutation.data };
  else if (mutation.isError) {
    const data = mutation.error.data;
    state = {
      kind: "error",
      message: data ? mutation.error.message : null,
      fieldErrors: (data?.fieldErrors ?? {}) as DraftErrors,
      network: !data,
    };
  } else state = { kind: "idle" };

  return { state, send, reset };
}
