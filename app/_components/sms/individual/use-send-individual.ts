"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSendOnline } from "@/app/_components/outbox/use-send-online";
import type { OutboxItem } from "@/app/_lib/outbox/types";
import { useTRPC } from "@/app/_trpc/client";
import type { TemplateContext } from "@/server/sms/template";
import type { SendIndividualInput, SendOutcomeOutput } from "@/server/services/sms/schemas";
import type { DraftErrors, DraftRules, IndividualDraft } from "./draft";

// The validator and the outbox's submit bring zod; they load right after the form appears instead
// of with the page (and are in memory before the connection may drop).
type Modules = [typeof import("./validate-draft"), typeof import("@/app/_lib/outbox/submit")];
let modules: Promise<Modules> | null = null;
function loadModules() {
  modules ??= Promise.all([import("./validate-draft"), import("@/app/_lib/outbox/submit")]).catch((err: unknown) => {
    modules = null;
    throw err;
  });
  return modules;
}

export type SendIndividualState =
  | { kind: "idle" }
  /** Refused before leaving the device. */
  | { kind: "invalid"; fieldErrors: DraftErrors }
  | { kind: "sending" }
  /** The server recorded the message (sent, delivered, failed…): `outcome` says how it went. */
  | { kind: "done"; outcome: SendOutcomeOutput }
  /** No connection: the message waits in the outbox and leaves when the connection returns. */
  | { kind: "queued"; item: OutboxItem }
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

type Submitted = Awaited<ReturnType<Modules[1]["submitIndividualSms"]>>;
type SubmitVars = { input: SendIndividualInput; maxParts: number; stripAccents: boolean; context: TemplateContext | undefined; customerName: string | undefined };

/**
 * The submit of "Novo SMS": validates the draft with the server's rules, then hands it to the
 * offline outbox's `submitIndividualSms`, which sends at once (sms.sendIndividual) when there is a
 * connection and keeps it on the device when there is none. One idempotency key per composed
 * message: kept across retries (a lost response, a second tap), so the server sends it once;
 * replaced once the server recorded the message or the outbox holds it, when the next send is a
 * new message.
 */
export function useSendIndividual({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sendOnline = useSendOnline();
  const key = useRef<string | null>(null);
  const busy = useRef(false);
  const [invalid, setInvalid] = useState<DraftErrors | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    loadModules().catch(() => {});
  }, []);
  const mutation = useMutation<Submitted, Error & { data?: { fieldErrors?: unknown } | null }, SubmitVars>({
    // Offline is a normal case here (the outbox takes it): never paused by the query client.
    networkMode: "always",
    mutationFn: async ({ input, ...options }) => (await loadModules())[1].submitIndividualSms(input, sendOnline, { userId, ...options }),
    onSuccess: (r) => {
      if (r.status === "sent") return queryClient.invalidateQueries(trpc.message.list.pathFilter());
    },
  });

  /**
   * Validates, then sends or queues; resolves "sent" once the server recorded the message, "queued"
   * once the outbox holds it, null otherwise (see `state` for why).
   */
  async function send(draft: IndividualDraft, rules: DraftRules & { customerName?: string; sendAt?: Date | null }): Promise<"sent" | "queued" | null> {
    if (busy.current || mutation.isPending) return null;
    busy.current = true;
    try {
      let validate: Modules[0]["validateIndividualDraft"];
      try {
        validate = (await loadModules())[0].validateIndividualDraft;
      } catch {
        setUnreachable(true);
        return null;
      }
      setUnreachable(false);
      const errors = validate(draft, rules);
      if (Object.keys(errors).length > 0 || draft.customerId == null || !draft.confirmed) {
        setInvalid(errors);
        mutation.reset();
        return null;
      }
      setInvalid(null);
      key.current ??= newKey();
      const input: SendIndividualInput = { ...draft, customerId: draft.customerId, confirmed: true, idempotencyKey: key.current, sendAt: rules.sendAt ?? null };
      return await mutation
        .mutateAsync({ input, maxParts: rules.maxParts, stripAccents: rules.stripAccents, context: rules.context ?? undefined, customerName: rules.customerName || undefined })
        .then(
          (r) => {
            if (r.status === "invalid") {
              setInvalid(r.fieldErrors as DraftErrors);
              return null;
            }
            // The message exists now (on the server or in the outbox): whatever is composed next is another message.
            key.current = null;
            return r.status;
          },
          // Shown through the mutation's state; the key stays for the retry.
          () => null,
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
  else if (mutation.isSuccess) {
    const r = mutation.data;
    state = r.status === "sent" ? { kind: "done", outcome: r.outcome } : r.status === "queued" ? { kind: "queued", item: r.item } : { kind: "idle" };
  } else if (mutation.isError) {
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
