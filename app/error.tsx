"use client";

import { ErrorView } from "./_components/error-view";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="min-h-dvh bg-slate-50">
      <ErrorView error={error} retry={retry} />
    </main>
  );
}
