#!/usr/bin/env node
// Make a built site readable offline on phones: a Workbox service worker that
// precaches the whole course, and a web app manifest for the home screen.
//
// Usage: node scripts/build_service_worker.mjs [SITE_DIR]   (default: site)
//
// 1. Adds to every page (404.html excepted) a link to manifest.webmanifest and
//    the tiny registration script assets/offline/sw-register.js. Only pages
//    of a site that has sw.js register it, so `mkdocs serve` and plain builds
//    never ask for a missing sw.js.
// 2. Generates SITE_DIR/sw.js with workbox-build: every page, asset and the
//    search index, revisioned by content hash (a new build replaces what
//    changed and drops the old cache); skipWaiting + clientsClaim so the new
//    version takes over at once. Downloads (unduh/: PDF, zips) are left out.
import { readFile, readdir, writeFile, stat } from "node:fs/promises";
import path from "node:path";
import { generateSW } from "workbox-build";

const MARKER = 'data-jk-offline';
const HEAD_TAGS = (root) =>
  `<link rel="manifest" href="${root}manifest.webmanifest" ${MARKER}>` +
  `<meta name="theme-color" content="#3f51b5" ${MARKER}>`;
const BODY_TAGS = (root) =>
  `<script src="${root}assets/offline/sw-register.js" defer ${MARKER}></script>`;

async function htmlFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await htmlFiles(full)));
    else if (entry.name.endsWith(".html")) found.push(full);
  }
  return found;
}

async function addTags(siteDir) {
  let pages = 0;
  for (const file of await htmlFiles(siteDir)) {
    const relative = path.relative(siteDir, file);
    if (relative === "404.html" || relative.startsWith(`unduh${path.sep}`)) continue;
    let html = await readFile(file, "utf8");
    if (html.includes(MARKER)) continue; // already done (idempotent)
    if (!html.includes("</head>") || !html.includes("</body>")) continue; // redirect stubs
    const depth = relative.split(path.sep).length - 1;
    const root = "../".repeat(depth);
    html = html.replace("</head>", `${HEAD_TAGS(root)}</head>`).replace("</body>", `${BODY_TAGS(root)}</body>`);
    await writeFile(file, html);
    pages += 1;
  }
  return pages;
}

async function main() {
  const siteDir = path.resolve(process.argv[2] || "site");
  for (const required of ["index.html", "manifest.webmanifest", "assets/offline/sw-register.js"]) {
    try {
      await stat(path.join(siteDir, required));
    } catch {
      console.error(`build_service_worker: GAGAL: ${path.join(siteDir, required)} tidak ada. Jalankan \`make build\` dulu.`);
      process.exit(2);
    }
  }
  const pages = await addTags(siteDir);
  const { count, size, warnings } = await generateSW({
    globDirectory: siteDir,
    globPatterns: ["**/*.{html,css,js,json,svg,png,ico,webmanifest,woff2,txt}"],
    // lunr/: Material's extra search languages (1 MB); the course searches
    // with lang "en" (mkdocs.yml), which needs none of them.
    // assets/qr/: the Tautan Kelas QR codes (about 450 KB) serve a projector
    // in class, not a phone reading offline.
    globIgnores: ["unduh/**", "sw.js", "workbox-*.js", "**/*.map", "assets/javascripts/lunr/**", "assets/qr/**"],
    swDest: path.join(siteDir, "sw.js"),
    cacheId: "jejaring-kerja",
    inlineWorkboxRuntime: true,
    mode: "production",
    sourcemap: false,
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    directoryIndex: "index.html",
    // Search results link to pages with ?h=<words> (search.highlight).
    ignoreURLParametersMatching: [/^h$/, /^utm_/, /^fbclid$/],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`build_service_worker: ${warning}`);
  console.log(
    `Service worker: ${path.join(siteDir, "sw.js")} (${count} berkas, ${(size / 1024).toFixed(0)} KiB dipra-simpan; ${pages} halaman ditautkan)`,
  );
}

main().catch((error) => {
  console.error(`build_service_worker: GAGAL: ${error.stack || error}`);
  process.exit(1);
});
