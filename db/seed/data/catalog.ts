// The ISP's network and commercial catalogue.
import type { PaymentMethod } from "@/db/schema/constants";

export type Technology = "fibra" | "rádio";

export interface ServerSeed {
  name: string;
  host: string;
}

export const SERVERS: readonly ServerSeed[] = [
  { name: "BRAS-PCS-01", host: "10.255.0.1" },
  { name: "BRAS-SJB-01", host: "10.255.1.1" },
  { name: "BRAS-AND-01", host: "10.255.2.1" },
];

export interface AccessPointSeed {
  name: string;
  server: string;
  /** City tag, see CITIES. */
  city: string;
  technology: Technology;
  /** Share of the city's customers served here. */
  weight: number;
}

export const ACCESS_POINTS: readonly AccessPointSeed[] = [
  { name: "OLT Poços Centro", server: "BRAS-PCS-01", city: "PCS", technology: "fibra", weight: 45 },
  { name: "OLT Poços Zona Sul", server: "BRAS-PCS-01", city: "PCS", technology: "fibra", weight: 40 },
  { name: "Torre Serra de São Domingos", server: "BRAS-PCS-01", city: "PCS", technology: "rádio", weight: 15 },
  { name: "OLT Andradas Centro", server: "BRAS-AND-01", city: "AND", technology: "fibra", weight: 80 },
  { name: "Torre Andradas Serra do Caracol", server: "BRAS-AND-01", city: "AND", technology: "rádio", weight: 20 },
  { name: "Torre Caldas Pedra Branca", server: "BRAS-AND-01", city: "CLD", technology: "rádio", weight: 100 },
  { name: "OLT São João Centro", server: "BRAS-SJB-01", city: "SJB", technology: "fibra", weight: 60 },
  { name: "OLT São João Perimetral", server: "BRAS-SJB-01", city: "SJB", technology: "fibra", weight: 40 },
  { name: "Torre Águas da Prata Mirante", server: "BRAS-SJB-01", city: "ADP", technology: "rádio", weight: 100 },
  { name: "OLT Vargem Grande do Sul", server: "BRAS-SJB-01", city: "VGS", technology: "fibra", weight: 100 },
  { name: "OLT Pinhal Centro", server: "BRAS-AND-01", city: "ESP", technology: "fibra", weight: 100 },
];

export interface PlanSeed {
  name: string;
  technology: Technology;
  downloadMbps: number;
  uploadMbps: number;
  priceCents: number;
  active: boolean;
  /** Popularity among customers on this technology. */
  weight: number;
  /** Sold to companies only. */
  business?: boolean;
}

export const PLANS: readonly PlanSeed[] = [
  { name: "Fibra 100 Mega", technology: "fibra", downloadMbps: 100, uploadMbps: 50, priceCents: 7990, active: false, weight: 8 },
  { name: "Fibra 300 Mega", technology: "fibra", downloadMbps: 300, uploadMbps: 150, priceCents: 9990, active: true, weight: 30 },
  { name: "Fibra 500 Mega", technology: "fibra", downloadMbps: 500, uploadMbps: 250, priceCents: 11990, active: true, weight: 35 },
  { name: "Fibra 700 Mega", technology: "fibra", downloadMbps: 700, uploadMbps: 350, priceCents: 14990, active: true, weight: 17 },
  { name: "Fibra 1 Giga", technology: "fibra", downloadMbps: 1000, uploadMbps: 500, priceCents: 19990, active: true, weight: 10 },
  { name: "Rádio 10 Mega", technology: "rádio", downloadMbps: 10, uploadMbps: 5, priceCents: 6990, active: true, weight: 40 },
  { name: "Rádio 20 Mega", technology: "rádio", downloadMbps: 20, uploadMbps: 10, priceCents: 8990, active: true, weight: 60 },
  { name: "Empresarial 600 Mega", technology: "fibra", downloadMbps: 600, uploadMbps: 600, priceCents: 29990, active: true, weight: 1, business: true },
];

export interface PaymentProfileSeed {
  name: string;
  method: PaymentMethod;
  dueDay: number | null;
  weight: number;
}

export const PAYMENT_PROFILES: readonly PaymentProfileSeed[] = [
  { name: "Boleto - vencimento dia 10", method: "boleto", dueDay: 10, weight: 35 },
  { name: "Boleto - vencimento dia 20", method: "boleto", dueDay: 20, weight: 15 },
  { name: "PIX - dia 5", method: "pix", dueDay: 5, weight: 20 },
  { name: "PIX - dia 15", method: "pix", dueDay: 15, weight: 10 },
  { name: "Cartão recorrente", method: "cartao", dueDay: null, weight: 12 },
  { name: "Débito em conta - dia 20", method: "debito", dueDay: 20, weight: 8 },
];
