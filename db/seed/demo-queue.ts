// A few pending messages so the "Fila de SMS" shows what the seed describes: automatic billing
// reminders and notices waiting for the 5-minute drain (some due now, some scheduled for later).
import type { Db } from "@/db/client";
import { queueMessage } from "@/server/services/sms/ledger";
import { analyzeSms } from "@/server/sms/encoding";
import { contextForCustomer, renderTemplate } from "@/server/sms/template";

const BILLING = "Olá {primeiro_nome}, sua fatura vence em 3 dias. Pague pelo app ou PIX e evite a suspensão. Dúvidas: (35) 3722-0000";
const NOTICE = "{primeiro_nome}, manutenção programada na rede de {cidade} amanhã das 02h às 04h. A conexão pode oscilar.";

export async function insertDemoQueue(db: Db, accountId: number, now = Date.now()): Promise<number> {
  const res = await db.$client.execute(`
    select c.id, c.name, c.code, ci.name as city, p.e164,
      (select pl.name from connection co join plan pl on pl.id = co.plan_id where co.customer_id = c.id order by co.id limit 1) as plan
    from customer c join city ci on ci.id = c.city_id
    join phone p on p.customer_id = c.id and p.kind = 'mobile' and p.is_primary = 1
    where c.status = 'active' order by c.id limit 8`);
  let n = 0;
  for (const [i, row] of res.rows.entries()) {
    const billing = i < 5;
    const body = renderTemplate(billing ? BILLING : NOTICE, contextForCustomer({ name: String(row.name), code: String(row.code), planName: row.plan ? String(row.plan) : "", cityName: String(row.city) }));
    const a = analyzeSms(body, { maxParts: 2 });
    const { message } = await queueMessage(db, {
      origin: billing ? "billing" : "notification",
      category: billing ? "cobranca" : "aviso",
      customerId: Number(row.id),
      phoneE164: String(row.e164),
      motivo: billing ? "Lembrete de vencimento" : "Manutenção programada",
      body,
      encoding: a.encoding,
      segments: a.parts,
      characters: a.characters,
      providerAccountId: accountId,
      // Half wait for a later opening (as the send window would schedule them).
      nextAttemptAt: i % 2 === 0 ? null : new Date(now + (i + 1) * 3_600_000),
      idempotencyKey: `seed-queue-${i}`,
    });
    if (i % 2 === 1) await db.$client.execute({ sql: "update sms_message set status = 'scheduled' where id = ?", args: [message.id] });
    n++;
  }
  return n;
}
