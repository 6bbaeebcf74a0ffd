"use client";

import { ErrorView } from "../_components/error-view";

// Inside the panel the navigation stays usable while one page fails.
export default function PanelError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
