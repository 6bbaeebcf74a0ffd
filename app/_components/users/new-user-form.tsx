"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema/constants";
import { ROLE_LABELS } from "@/server/api/permissions";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { formError } from "@/app/_trpc/form-error";

function asRole(value: FormDataEntryValue | null): Role {
  return ROLES.find((r) => r === value) ?? "tecnico";
}

export function NewUserForm({ onCreated }: { onCreated: (name: string) => void }) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() }),
    }),
  );

  const fieldErrors = create.error?.data?.fieldErrors ?? null;
  const hasFieldErrors = fieldErrors !== null && Object.keys(fieldErrors).length > 0;
  const general = formError(create.error, t("form.failed"));

  // After a refused submit, take the user to the first field to fix.
  useEffect(() => {
    if (hasFieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasFieldErrors, create.error]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        role: asRole(form.get("role")),
      },
      {
        onSuccess: (user) => {
          formElement.reset();
          onCreated(user.name);
        },
      },
    );
  }

  return (
    <Card aria-labelledby="new-user-title">
      <CardTitle id="new-user-title">{t("form.title")}</CardTitle>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-600">{t("form.hint")}</p>
      {/* Browser validation bubbles are not in Portuguese everywhere; the server's messages are. */}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="grid grid-cols-1 items-start gap-4 md:grid-cols-2 xl:grid-cols-4">
        {general ? (
          <FormAlert className="md:col-span-2 xl:col-span-4">
            {general}
          </FormAlert>
        ) : null}
        <Field label={t("form.name")} error={fieldErrors?.name}>
          {(props) => <Input {...props} name="name" autoComplete="off" maxLength={100} required />}
        </Field>
        <Field label={t("form.email")} error={fieldErrors?.email}>
          {(props) => <Input {...props} name="email" type="email" inputMode="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required />}
        </Field>
        <Field label={t("form.password")} hint={t("form.passwordHint")} error={fieldErrors?.password}>
          {(props) => <Input {...props} name="password" type="password" autoComplete="new-password" minLength={8} required />}
        </Field>
        <Field label={t("form.role")} error={fieldErrors?.role}>
          {(props) => (
            <Select {...props} name="role" defaultValue="tecnico">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={create.isPending} className="w-full md:col-span-2 md:w-auto md:justify-self-start xl:col-span-4">
          {create.isPending ? t("form.submitting") : t("form.submit")}
        </Button>
      </form>
    </Card>
  );
}
