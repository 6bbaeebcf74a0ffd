"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { connection } from "@/app/_lib/pwa/connection";
import { Button } from "../ui/button";

const SW_URL = "/serwist/sw.js";
const UPDATE_CHECK_MS = 60 * 60 * 1000;

// Safari has no requestIdleCallback.
const hasIdle = () => typeof window.requestIdleCallback === "function";
const whenIdle = (fn: () => void): number => (hasIdle() ? window.requestIdleCallback(fn, { timeout: 5000 }) : window.setTimeout(fn, 1000));
const cancelIdle = (id: number) => (hasIdle() ? window.cancelIdleCallback(id) : window.clearTimeout(id));

function cachePage(controller: ServiceWorker | null | undefined) {
  if (!controller || !connection().isOnline()) return;
  controller.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [window.location.pathname + window.location.search] } });
}

/**
 * Registers the service worker (production builds only), offers a waiting new version
 * ("Nova versão disponível — atualizar") and asks the worker to keep each page the user opens
 * so it also opens offline.
 */
export function ServiceWorker() {
  const t = useTranslations("pwa.update");
  const pathname = usePathname();
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [applying, setApplying] = useState(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let registration: ServiceWorkerRegistration | undefined;
    let lastCheck = Date.now();
    const offer = (sw: ServiceWorker | null) => {
      // Only an update waits: the first install takes control at once.
      if (sw && navigator.serviceWorker.controller) setWaiting(sw);
    };
    const track = (reg: ServiceWorkerRegistration) => {
      registration = reg;
      offer(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const sw = reg.installing;
        sw?.addEventListener("statechange", () => {
          if (sw.state === "installed") offer(sw);
        });
      });
    };
    const checkForUpdate = () => {
      if (document.visibilityState !== "visible" || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
      lastCheck = Date.now();
      registration?.update().catch(() => {});
    };
    // The page that installed the worker was loaded before it: keep it too once the worker takes over.
    const keepCurrentPage = () => cachePage(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", keepCurrentPage);
    // Installing (and precaching) competes with the first paint and hydration: wait until the page is idle.
    let idle: number | undefined;
    const register = () => {
      idle = whenIdle(() => {
        navigator.serviceWorker
          .register(SW_URL, { scope: "/", type: "module", updateViaCache: "none" })
          .then(track)
          .catch(() => {});
      });
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
    document.addEventListener("visibilitychange", checkForUpdate);
    return () => {
      window.removeEventListener("load", register);
      if (idle !== undefined) cancelIdle(idle);
      document.removeEventListener("visibilitychange", checkForUpdate);
      navigator.serviceWorker.removeEventListener("controllerchange", keepCurrentPage);
    };
  }, []);

  useEffect(() => {
    if (typeof navigator !== "undefined") cachePage(navigator.serviceWorker?.controller);
  }, [pathname]);

  function apply() {
    if (!waiting) return;
    setApplying(true);
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    waiting.postMessage({ type: "SKIP_WAITING" });
  }

  if (!waiting) return null;
  return (
    <div role="status" className="flex items-center gap-3 border-t border-brand-200 bg-brand-50 px-4 py-1.5 text-sm text-brand-900 md:px-8">
      <p className="font-medium">{t("available")}</p>
      <Button size="sm" className="ml-auto" onClick={apply} disabled={applying}>
        {applying ? t("applying") : t("apply")}
      </Button>
    </div>
  );
}
