/**
 * Renders the PWA icons (public/icons/*.svg) to the PNG sizes the manifest lists, with the local
 * Chromium (no network). Run after changing a drawing: `npx tsx scripts/render-icons.ts`; commit the PNGs.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const ICONS = [
  { svg: "public/icons/icon.svg", png: "public/icons/icon-192.png", size: 192 },
  { svg: "public/icons/icon.svg", png: "public/icons/icon-512.png", size: 512 },
  { svg: "public/icons/icon-maskable.svg", png: "public/icons/icon-maskable-512.png", size: 512 },
  { svg: "public/icons/icon.svg", png: "public/icons/apple-touch-icon.png", size: 180 },
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const svg = readFileSync(icon.svg, "utf8").replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      await page.locator("svg").screenshot({ path: icon.png, omitBackground: true });
      await page.close();
      console.log(`${icon.png} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
