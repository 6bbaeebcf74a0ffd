import { Inngest } from "inngest";

// Keys and the self-hosted base URL are read by the SDK from INNGEST_* variables (see README).
export const inngest = new Inngest({ id: "painel-sms" });
