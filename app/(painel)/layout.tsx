import type { ReactNode } from "react";
import { AppShell } from "../_components/shell/app-shell";
import { navItemsFor } from "../_components/shell/nav-items";
import { ROLE_LABELS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell items={navItemsFor(user.role)} userId={user.id} userName={user.name} roleLabel={ROLE_LABELS[user.role]}>
      {children}
    </AppShell>
  );
}
