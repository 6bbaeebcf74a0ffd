/**
 * The service worker (Serwist), bundled by app/serwist/[path]/route.ts. Precaches the built
 * static assets and the offline page; pages the user opened are kept for offline use; the API is
 * never cached (data seen offline comes from the persisted query cache, see app/_components/pwa).
 */
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, type PrecacheEntry, Serwist, StaleWhileRevalidate } from "serwist";

type SwScope = {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
};
declare const self: SwScope;

const DAY = 24 * 60 * 60;
const isRsc = (request: Request) => request.headers.get("RSC") === "1";
// Only full 200 answers: a redirect to the login page must never stand in for a page offline.
const okOnly = () => new CacheableResponsePlugin({ statuses: [200] });

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  // A new version waits until the user accepts it ("Nova versão disponível — atualizar").
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    // Sign-in, tRPC (queries and mutations), webhooks: always the network.
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [okOnly(), new ExpirationPlugin({ maxEntries: 256, maxAgeSeconds: 30 * DAY })] }),
    },
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && /\.(?:png|svg|ico|webp|jpg|jpeg)$/i.test(url.pathname),
      handler: new StaleWhileRevalidate({ cacheName: "images", plugins: [okOnly(), new ExpirationPlugin({ maxEntries: 32, maxAgeSeconds: 30 * DAY })] }),
    },
    // Client-side navigations fetch the page as an RSC payload.
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && isRsc(request),
      handler: new NetworkFirst({
        cacheName: "pages-rsc",
        networkTimeoutSeconds: 8,
        plugins: [okOnly(), new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 7 * DAY })],
      }),
    },
    // Pages opened before (and those the app asks to keep, see app/_components/pwa/service-worker.tsx) open offline.
    {
      matcher: ({ request, sameOrigin, url }) => sameOrigin && request.method === "GET" && !isRsc(request) && !url.pathname.startsWith("/_next/"),
      handler: new NetworkFirst({
        cacheName: "pages",
        networkTimeoutSeconds: 8,
        plugins: [okOnly(), new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 7 * DAY })],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline", matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
