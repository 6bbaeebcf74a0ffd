// The built-in message templates of "Novo SMS" and "Novo lote"; their words live in messages/pt-BR/sms-composer.json.
export const TEMPLATE_KEYS = ["cobranca", "atraso", "manutencao", "visita", "restabelecida"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
