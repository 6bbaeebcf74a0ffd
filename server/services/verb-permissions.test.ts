// Protects the permission rules at the verbs themselves (issue 13 §1): jobs, an ERP sync and a
// public API call the verbs without tRPC's role gate, so each verb must refuse on its own. Every verb
// is called as each role, as an API key without scopes and with each scope, and as a system job; it
// is refused exactly when the permission table says so. The input is empty on purpose: the
// permission is checked before anything else, so an allowed call ends in a validation or lookup
// error (never "sem permissão") and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema/constants";
import { jobContext } from "@/server/jobs/context";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { cancelBatch, pauseBatch, resendFailed, resumeBatch } from "./batches/controls";
import { createBatch } from "./batches/create-batch";
import { previewBatch, previewCustomerIds, previewRecipients } from "./batches/preview-batch";
import { getBatch, listBatches, listBatchRecipients } from "./batches/queries";
import { forecastBatchSend } from "./batches/send-forecast";
import { resendFailedAndSend, resumeAndSend, startBatch } from "./batches/start-batch";
import { updateScheduledBatch } from "./batches/update-scheduled";
import { API_KEY_SCOPES, type ApiKeyScope, apiKeyContext, type ServiceContext, systemContext, userContext } from "./context";
import { getCustomer } from "./customers/get-customer";
import { searchCustomers } from "./customers/search-customers";
import { DomainError } from "./errors";
import { exportMessagesCsv } from "./messages/export-csv";
import { getMessageDetail } from "./messages/get-message";
import { listMessages } from "./messages/list-messages";
import { listMessageOperators } from "./messages/list-operators";
import { type Action, allows } from "./permissions";
import { listQueue } from "./queue/list-queue";
import { cancelQueued, rescheduleQueued, resolveInDoubt, retryNow } from "./queue/queue-actions";
import { queueStatus, requestDrain } from "./queue/queue-status";
import { listNeighbourhoods, listReferenceOptions, listStreets } from "./reference/list-reference";
import { createAccount, listAccounts, setAccountActive, setDefaultAccount, updateAccount } from "./sms-accounts/manage-accounts";
import { testAccount } from "./sms-accounts/test-account";
import { listCustomerOptOuts, liftOptOut } from "./sms/opt-outs";
import { sendIndividual } from "./sms/send-individual";
import { setSendWindowRules, setSmsSettings } from "./sms/settings";
import { setUfSendWindow } from "./sms/uf-send-window";
import { createUser, listUsers, setUserDisabled, setUserRole } from "./users/manage-users";

const db = createTestDb();
const NO_PERMISSION = "Você não tem permissão para esta ação.";

// Written here, not derived from the verbs: a verb checking the wrong action (or none) fails.
type Verb = (ctx: ServiceContext, input: never) => unknown;
const VERBS: Record<string, [Verb, Action]> = {
  listUsers: [listUsers, "users.manage"],
  createUser: [createUser, "users.manage"],
  setUserRole: [setUserRole, "users.manage"],
  setUserDisabled: [setUserDisabled, "users.manage"],
  listAccounts: [listAccounts, "sms_accounts.manage"],
  createAccount: [createAccount, "sms_accounts.manage"],
  updateAccount: [updateAccount, "sms_accounts.manage"],
  setDefaultAccount: [setDefaultAccount, "sms_accounts.manage"],
  setAccountActive: [setAccountActive, "sms_accounts.manage"],
  testAccount: [testAccount, "sms_accounts.manage"],
  setSmsSettings: [setSmsSettings, "settings.manage"],
  setSendWindowRules: [setSendWindowRules, "settings.manage"],
  setUfSendWindow: [setUfSendWindow, "settings.manage"],
  searchCustomers: [searchCustomers, "customers.read"],
  getCustomer: [getCustomer, "customers.read"],
  listCustomerOptOuts: [listCustomerOptOuts, "customers.read"],
  liftOptOut: [liftOptOut, "opt_outs.lift"],
  sendIndividual: [sendIndividual, "sms.send"],
  listMessages: [listMessages, "messages.read"],
  getMessageDetail: [getMessageDetail, "messages.read"],
  exportMessagesCsv: [exportMessagesCsv, "messages.read"],
  listMessageOperators: [listMessageOperators, "messages.operators"],
  queueStatus: [queueStatus, "queue.manage"],
  listQueue: [listQueue, "queue.manage"],
  cancelQueued: [cancelQueued, "queue.manage"],
  retryNow: [retryNow, "queue.manage"],
  rescheduleQueued: [rescheduleQueued, "queue.manage"],
  resolveInDoubt: [resolveInDoubt, "queue.manage"],
  requestDrain: [requestDrain, "queue.drain"],
  listReferenceOptions: [listReferenceOptions, "reference.read"],
  listNeighbourhoods: [listNeighbourhoods, "reference.read"],
  listStreets: [listStreets, "reference.read"],
  previewBatch: [previewBatch, "batches.read"],
  previewRecipients: [previewRecipients, "batches.read"],
  previewCustomerIds: [previewCustomerIds, "batches.read"],
  forecastBatchSend: [forecastBatchSend, "batches.read"],
  getBatch: [getBatch, "batches.read"],
  listBatches: [listBatches, "batches.read"],
  listBatchRecipients: [listBatchRecipients, "batches.read"],
  createBatch: [createBatch, "batches.create"],
  startBatch: [startBatch, "batches.create"],
  updateScheduledBatch: [updateScheduledBatch, "batches.send"],
  pauseBatch: [pauseBatch, "batches.send"],
  resumeBatch: [resumeBatch, "batches.send"],
  resumeAndSend: [resumeAndSend, "batches.send"],
  cancelBatch: [cancelBatch, "batches.send"],
  resendFailed: [resendFailed, "batches.send"],
  resendFailedAndSend: [resendFailedAndSend, "batches.send"],
};

const actors: Record<string, ServiceContext> = {};

beforeAll(async () => {
  jobContext.db = () => db;
  for (const r of ROLES) actors[r] = userContext(db, await makeUser(db, r));
  actors["api_key (no scope)"] = apiKeyContext(db, { id: "k0", name: "Sem escopo", scopes: [] });
  for (const s of API_KEY_SCOPES) actors[`api_key ${s}`] = apiKeyContext(db, { id: `k-${s}`, name: s, scopes: [s] as ApiKeyScope[] });
  actors["system"] = systemContext(db, "verb-permissions-test");
});

/** "refused" when the verb answers "sem permissão", otherwise "passed" (whatever else it then says). */
async function gate(verb: Verb, ctx: ServiceContext): Promise<"refused" | "passed"> {
  try {
    const out = await verb(ctx, {} as never);
    // The CSV export answers a stream; reading it is not needed to know the gate let it through.
    if (out instanceof ReadableStream) await out.cancel();
    return "passed";
  } catch (err) {
    return err instanceof DomainError && err.kind === "forbidden" && err.message === NO_PERMISSION ? "refused" : "passed";
  }
}

describe("every verb checks its own permission", () => {
  for (const [name, [verb, action]] of Object.entries(VERBS)) {
    it(`${name} (${action})`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const [who, ctx] of Object.entries(actors)) {
        got[who] = await gate(verb, ctx);
        want[who] = allows(ctx, action) ? "passed" : "refused";
      }
      expect(got).toEqual(want);
    });
  }
});

describe("the permission table", () => {
  it("gives API keys only what their scopes name, and never user, account or settings administration", () => {
    const key = (scopes: ApiKeyScope[]) => apiKeyContext(db, { id: "k", name: "k", scopes });
    expect(allows(key(["messages:send"]), "sms.send")).toBe(true);
    expect(allows(key(["messages:read"]), "sms.send")).toBe(false);
    expect(allows(key(["messages:read"]), "messages.read")).toBe(true);
    expect(allows(key(["customers:read"]), "customers.read")).toBe(true);
    expect(allows(key(["customers:read"]), "messages.read")).toBe(false);
    for (const a of ["users.manage", "sms_accounts.manage", "settings.manage", "batches.create", "queue.drain"] as const) {
      expect(allows(key([...API_KEY_SCOPES]), a), a).toBe(false);
    }
  });

  it("lets a job drain the queue and control batches, but not manage people, accounts or settings", () => {
    const job = systemContext(db, "t");
    expect(allows(job, "queue.drain")).toBe(true);
    expect(allows(job, "batches.send")).toBe(true);
    for (const a of ["users.manage", "sms_accounts.manage", "settings.manage", "opt_outs.lift", "batches.create"] as const) expect(allows(job, a), a).toBe(false);
  });
});
