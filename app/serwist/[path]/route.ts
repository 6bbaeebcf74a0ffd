import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";

// The service worker is bundled at build time (the route is static): /serwist/sw.js.
// One revision per build so a new deployment refreshes the precached offline page.
const revision = randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // The native esbuild (already installed for the tooling) instead of the esbuild-wasm default.
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision }],
  // The icons are in public/ and precached; the SVG sources and Next's build manifests are not needed offline.
  globIgnores: ["**/*.map", "public/icons/*.svg"],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
