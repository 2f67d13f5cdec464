// The offline service worker. scripts/postbuild.mjs fills in PRECACHE (every file of the build) and VERSION
// (a hash of their contents) when Trunk builds the bundle; this file as checked in is only the template.
//
// - install: fetch and cache every file of this build under the cache "kamenev-<VERSION>";
// - activate: delete the caches of older builds, take control of open pages;
// - fetch: page loads (navigations) try the network first and fall back to the cached index.html, so every
//   route works offline; the hashed assets come from the cache first (their names change when they change).

const VERSION = "dev";
const PRECACHE = [];
const CACHE = `kamenev-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("kamenev-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match("/")).then((page) => page || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit || fetch(request))),
  );
});
