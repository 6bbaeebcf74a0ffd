// The built-in message templates of "Novo SMS"; their words live in messages/pt-BR/sms-individual.json.
export const TEMPLATE_KEYS = ["cobranca", "atraso", "manutencao", "visita", "restabelecida"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
