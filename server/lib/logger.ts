import pino from "pino";
import { env } from "@/server/env";

// Secrets are redacted wherever they might appear in a logged object.
export const logger = pino({
  level: env().logLevel,
  base: { app: "painel-sms" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "authorization", "*.authorization", "cookie", "*.cookie", "headers.cookie", "credentials", "*.credentials"],
    censor: "[redacted]",
  },
});
