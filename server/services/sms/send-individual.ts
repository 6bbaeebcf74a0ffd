/**
 * "Envio de SMS Individual": validates everything, records the message and sends it at once
 * through the default account (not via the 5-minute queue), returning the outcome.
 */
import { and, asc, count, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { city, connection, customer, phone, plan, smsMessage } from "@/db/schema";
import { limitMessage } from "@/server/sms/encoding";
import { formatPhoneNational } from "@/server/sms/phone";
import { validateSmsRecipientStrict } from "@/server/sms/phone-server";
import { contextForCustomer, renderTemplate, validateTemplate } from "@/server/sms/template";
import { outgoingSms } from "@/server/sms/transliterate";
import { writeAudit } from "../audit";
import { DomainError, forbidden, invalid, notFound } from "../errors";
import { findDefaultAccount } from "../sms-accounts/account-store";
import { dispatchMessage } from "./dispatch";
import { sendAtProblem } from "../batches/send-at";
import { getMessage, type MessageRow, queueMessageIf, transition } from "./ledger";
import { activeOptOut } from "./opt-outs";
import { type SendIndividualInput, type SendOutcomeOutput, sendIndividualInput } from "./schemas";
import { getSmsSettings } from "./settings";
import { requirePermission } from "@/server/services/permissions";
import { type Actor, actorRef, createdByActor, actorStamp, actorUserId, type ServiceContext } from "@/server/services/context";

type Ctx = ServiceContext;

function toOutcome(m: MessageRow, replayed: boolean): SendOutcomeOutput {
  return {
    id: m.id,
    status: m.status,
    phone: formatPhoneNational(m.phoneE164),
    body: m.body,
    encoding: m.encoding,
    segments: m.segments,
    errorMessage: m.lastErrorMessage,
    replayed,
    scheduledFor: m.status === "scheduled" ? m.nextAttemptAt : null,
  };
}

async function findByKey(db: Db, key: string) {
  const [m] = await db.select().from(smsMessage).where(eq(smsMessage.idempotencyKey, key));
  return m;
}

function replay(ctx: Ctx, m: MessageRow): SendOutcomeOutput {
  if (!createdByActor(m, ctx.actor)) throw forbidden("Esta chave de envio pertence a outro usuário.");
  return toOutcome(m, true);
}

const limitExceeded = (perMinute: number) =>
  new DomainError("limit_exceeded", `Limite de ${perMinute} SMS individuais por minuto atingido. Aguarde um pouco e tente de novo.`);

/**
 * The per-user limit as the condition of the insert itself (one statement, so concurrent calls —
 * a tRPC batch runs its calls at once — cannot all pass a count taken before any of them inserts).
 * rate-limiter-flexible was considered: its SQLite store speaks sqlite3/better-sqlite3/knex, not
 * libSQL, and its Drizzle store reads then writes in an interactive transaction, which the
 * synchronous embedded driver cannot run concurrently; counting our own messages also needs no
 * second table and only counts SMS that were really recorded.
 */
function underPerMinuteLimit(db: Db, actor: Actor, perMinute: number) {
  const since = new Date(Date.now() - 60_000);
  const recent = db
    .select({ n: count() })
    .from(smsMessage)
    // A person is counted by created_by (its index); a key or a job by its actor reference.
    .where(and(actor.kind === "user" ? eq(smsMessage.createdBy, actor.id) : eq(smsMessage.actor, actorRef(actor)), eq(smsMessage.origin, "individual"), gte(smsMessage.createdAt, since)));
  return sql`(${recent}) < ${perMinute}`;
}

/** Technicians send only to a mobile registered to the chosen customer, never to a typed-in number. */
async function assertCustomerMobile(db: Db, customerId: number, e164: string): Promise<void> {
  const [own] = await db
    .select({ id: phone.id })
    .from(phone)
    .where(and(eq(phone.customerId, customerId), eq(phone.e164, e164), eq(phone.kind, "mobile")))
    .limit(1);
  if (own) return;
  const msg = "Técnicos só enviam SMS para um celular cadastrado deste cliente. Escolha um dos telefones do cliente.";
  throw invalid(msg, { number: msg });
}

export async function sendIndividual(ctx: ServiceContext, input: SendIndividualInput): Promise<SendOutcomeOutput> {
  requirePermission(ctx, "sms.send");
  const data = sendIndividualInput.parse(input);
  const { db } = ctx;

  const previous = await findByKey(db, data.idempotencyKey);
  if (previous) return replay(ctx, previous);
  const sendAt = data.sendAt ?? null;
  const timeProblem = sendAt ? sendAtProblem(sendAt) : null;
  if (timeProblem) throw invalid(timeProblem, { sendAt: timeProblem });

  const settings = await getSmsSettings(db);

  const [c] = await db
    .select({ id: customer.id, name: customer.name, code: customer.code, cityName: city.name })
    .from(customer)
    .innerJoin(city, eq(city.id, customer.cityId))
    .where(eq(customer.id, data.customerId));
  if (!c) throw notFound("Cliente não encontrado.");
  const [conn] = await db
    .select({ planName: plan.name })
    .from(connection)
    .innerJoin(plan, eq(plan.id, connection.planId))
    .where(eq(connection.customerId, c.id))
    .orderBy(asc(connection.id))
    .limit(1);

  const recipient = validateSmsRecipientStrict({ ddd: data.ddd, number: data.number });
  if (!recipient.ok) throw invalid(recipient.message, { [recipient.code === "invalid_ddd" ? "ddd" : "number"]: recipient.message });
  if (ctx.actor.kind === "user" && ctx.actor.role === "tecnico") await assertCustomerMobile(db, c.id, recipient.e164);

  const template = validateTemplate(data.message);
  if (!template.ok) throw invalid(template.message, { message: template.message });
  const account = await findDefaultAccount(db);
  if (!account) throw invalid("Nenhuma conta de SMS ativa. Um administrador precisa configurar uma em Configuração de SMS.");
  const rendered = renderTemplate(data.message, contextForCustomer({ name: c.name, code: c.code, planName: conn?.planName ?? "", cityName: c.cityName }));
  // What is stored is what the customer reads: without accents when the account sends so.
  const { text: body, analysis } = outgoingSms(rendered, { stripAccents: account.stripAccents, maxParts: settings.maxParts });
  if (!analysis.withinLimit) {
    const msg = limitMessage(analysis) ?? "Mensagem longa demais.";
    throw invalid(msg, { message: msg });
  }

  const opted = await activeOptOut(db, recipient.e164);
  if (opted) {
    const when = opted.createdAt.toLocaleDateString("pt-BR", { timeZone: "America/Sao_Paulo" });
    const msg = `Este número pediu para não receber SMS (opt-out em ${when}). Remova o bloqueio no cadastro do cliente se ele pediu para voltar a receber.`;
    throw invalid(msg, { number: msg });
  }

  const { message, created } = await queueMessageIf(db, {
    origin: "individual",
    category: "operacional",
    customerId: c.id,
    phoneE164: recipient.e164,
    motivo: data.motivo,
    body,
    encoding: analysis.encoding,
    segments: analysis.parts,
    characters: analysis.characters,
    providerAccountId: account.id,
    createdBy: actorUserId(ctx.actor),
    actor: actorRef(ctx.actor),
    idempotencyKey: data.idempotencyKey,
    // Not due before its time even if the step below never runs: the drain respects next_attempt_at.
    nextAttemptAt: sendAt ?? undefined,
  }, underPerMinuteLimit(db, ctx.actor, settings.individualPerMinute));
  if (!message) throw limitExceeded(settings.individualPerMinute);
  // Lost a race with the same key (double submit): answer with the first one.
  if (!created) return replay(ctx, message);

  await writeAudit(ctx, "sms.send_individual", "sms_message", message.id, { customerId: c.id, motivo: data.motivo, segments: analysis.parts, ...(sendAt ? { sendAt: sendAt.toISOString() } : {}) });
  if (sendAt) {
    // "Agendar": a scheduled message the queue drain sends at its time; cancellable in the Fila until then.
    await transition(db, message.id, "queued", "scheduled", { nextAttemptAt: sendAt }, { reason: "operator_schedule", ...actorStamp(ctx.actor), sendAt: sendAt.toISOString() });
    return toOutcome((await getMessage(db, message.id))!, false);
  }
  await dispatchMessage(db, message.id);
  return toOutcome((await getMessage(db, message.id))!, false);
}
