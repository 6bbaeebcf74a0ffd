"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { authClient } from "@/app/_lib/auth-client";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { Input } from "../ui/input";

type FieldErrors = { email?: string; password?: string };

export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing: FieldErrors = {
      email: email ? undefined : t("emailRequired"),
      password: password ? undefined : t("passwordRequired"),
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.email || missing.password) return;

    setPending(true);
    const { error: failure } = await authClient.signIn
      .email({ email, password })
      .catch(() => ({ error: { status: 0, message: undefined, code: undefined } }));
    if (!failure) {
      // Stay "Entrando…" until the next page replaces this one.
      router.replace(next ?? "/sms");
      router.refresh();
      return;
    }
    setPending(false);
    setError(messageFor(failure.status, failure.code, failure.message));
  }

  function messageFor(status: number, code: unknown, serverMessage: string | undefined): string {
    if (status === 401) return t("wrongCredentials");
    if (status === 400 && code === "INVALID_EMAIL") return t("invalidEmail");
    // An answer of the auth endpoint (it carries a code) is in Portuguese: server/auth/error-messages.ts.
    // Anything else (no connection, a proxy's error page) gets the generic message, never raw English.
    if (typeof code === "string" && serverMessage) return serverMessage;
    return t("failed");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? (
        <FormAlert>
          {error}
        </FormAlert>
      ) : null}
      <Field label={t("email")} error={fieldErrors.email}>
        {(props) => (
          <Input
            {...props}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        )}
      </Field>
      <Field label={t("password")} error={fieldErrors.password}>
        {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
