import type { MetadataRoute } from "next";

// Colours of app/globals.css: brand-600 for the title bar, slate-50 behind the splash screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/sms/individual",
    name: "Painel de SMS",
    short_name: "Painel SMS",
    description: "Envio de SMS para os clientes do provedor de internet, também sem sinal.",
    lang: "pt-BR",
    dir: "ltr",
    start_url: "/sms/individual",
    scope: "/",
    display: "standalone",
    orientation: "any",
    theme_color: "#0b5cad",
    background_color: "#f8fafc",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
