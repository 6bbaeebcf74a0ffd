import type { SendIndividualInput, SendOutcomeOutput } from "@/server/services/sms/schemas";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

/** One composed individual SMS kept on the device until the server has it. */
export type OutboxItem = {
  /** The idempotency key: the same key on every attempt, so a replay is one message on the server. */
  id: string;
  userId: string;
  input: SendIndividualInput;
  /** What the list shows without asking the server. */
  display: { phone: string; customerName?: string };
  status: OutboxStatus;
  createdAt: number;
  updatedAt: number;
  attempts: number;
  /** Why it failed (server's message, pt-BR), for "failed". */
  error?: string;
  /** The server's answer, for "sent". */
  outcome?: Pick<SendOutcomeOutput, "id" | "status" | "phone" | "segments">;
};

/** Sends one input to the server (the tRPC mutation `sms.sendIndividual`). */
export type SendOnline = (input: SendIndividualInput) => Promise<SendOutcomeOutput>;
