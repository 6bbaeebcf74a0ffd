"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema/constants";
import { ROLE_LABELS } from "@/server/api/permissions";
import type { UserOutput } from "@/server/services/users/schemas";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { Select } from "../ui/select";

export const USER_COLUMNS = "md:grid-cols-[minmax(0,1.2fr)_minmax(0,1.5fr)_11rem_7rem_8rem]";

export function UserRow({ user, isSelf, onFeedback }: { user: UserOutput; isSelf: boolean; onFeedback: (message: string) => void }) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });

  const setRole = useMutation(
    trpc.user.setRole.mutationOptions({
      onSuccess: (u) => onFeedback(t("feedback.roleChanged", { name: u.name, role: ROLE_LABELS[u.role] })),
      onSettled: refresh,
    }),
  );
  const setDisabled = useMutation(
    trpc.user.setDisabled.mutationOptions({
      onSuccess: (u) => onFeedback(u.disabled ? t("feedback.disabled", { name: u.name }) : t("feedback.enabled", { name: u.name })),
      onSettled: refresh,
    }),
  );
  const error = setRole.error ?? setDisabled.error;
  const busy = setRole.isPending || setDisabled.isPending;
  // While the change is in flight the select shows what was chosen, not the old value.
  const role: Role = setRole.isPending && setRole.variables ? setRole.variables.role : user.role;

  return (
    <li
      className={cn(
        "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
        "md:gap-x-4 md:rounded-none md:border-0 md:px-4 md:py-3 md:shadow-none",
        USER_COLUMNS,
        user.disabled && "bg-slate-50",
      )}
    >
      <p className="min-w-0 font-semibold break-words text-slate-900">
        {user.name}
        {isSelf ? (
          <Badge tone="info" className="ml-2 align-middle">
            {t("you")}
          </Badge>
        ) : null}
      </p>
      <span className="md:order-4">
        <Badge tone={user.disabled ? "neutral" : "success"}>{user.disabled ? t("disabled") : t("active")}</Badge>
      </span>
      <p className="col-span-2 min-w-0 text-sm break-all text-slate-700 md:col-span-1">
        <span className="sr-only">{t("email")}: </span>
        {user.email}
      </p>
      <div className="min-w-0 md:order-3">
        <Select
          aria-label={t("roleOf", { name: user.name })}
          value={role}
          disabled={busy || isSelf}
          onChange={(e) => {
            const next = ROLES.find((r) => r === e.target.value);
            if (next && next !== user.role) setRole.mutate({ userId: user.id, role: next });
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex justify-end md:order-5">
        {isSelf ? null : (
          <Button
            variant={user.disabled ? "secondary" : "danger"}
            size="sm"
            disabled={busy}
            onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })}
          >
            {user.disabled ? t("enable") : t("disable")}
            <span className="sr-only"> {user.name}</span>
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="col-span-2 text-sm font-medium text-red-800 md:col-span-5 md:order-6">
          {error.data ? error.message : t("actionFailed")}
        </p>
      ) : null}
      {isSelf ? <p className="col-span-2 text-xs text-slate-600 md:col-span-5 md:order-6">{t("selfHint")}</p> : null}
    </li>
  );
}
