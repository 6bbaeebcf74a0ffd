import core from "./pt-BR.json";
import pwa from "./pt-BR/pwa.json";
import smsBatch from "./pt-BR/sms-batch.json";
import smsComposer from "./pt-BR/sms-composer.json";
import smsHistory from "./pt-BR/sms-history.json";
import smsIndividual from "./pt-BR/sms-individual.json";
import smsQueue from "./pt-BR/sms-queue.json";
import smsSettings from "./pt-BR/sms-settings.json";

/**
 * The pt-BR catalogue. Each screen area keeps its words in its own file under messages/pt-BR/
 * (one top-level namespace per file); the shell, login, customers and users live in pt-BR.json.
 */
export const messages = { ...core, smsIndividual, smsComposer, smsBatch, smsQueue, smsSettings, smsHistory, pwa };

export type Messages = typeof messages;
