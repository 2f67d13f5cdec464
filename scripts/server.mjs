// Serves a built bundle on 127.0.0.1: static files with the right types, brotli or gzip when the browser accepts
// it, long caching for hashed assets, and index.html for any path without a file (client-side routes).
// Usage: node scripts/server.mjs <dir> [port]   (port 0 picks a free one; the chosen URL is printed)

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".webmanifest", ".txt"]);

/** Starts a server for `dir` on `port`; resolves to { server, url }. */
export async function serve(dir, port = 0) {
  const root = resolve(dir);
  const cache = new Map();

  async function load(path) {
    if (cache.has(path)) return cache.get(path);
    const body = await readFile(path);
    const ext = extname(path);
    const entry = { body, ext, br: null, gzip: null };
    if (COMPRESSIBLE.has(ext)) {
      entry.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      entry.gzip = gzipSync(body, { level: 9 });
    }
    cache.set(path, entry);
    return entry;
  }

  /** What fileFor returns for a path that would leave the served folder ("/../"). */
  const OUTSIDE = Symbol("outside");

  async function fileFor(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    const candidate = normalize(join(root, decoded));
    if (candidate !== root && !candidate.startsWith(root + sep)) return OUTSIDE;
    try {
      const info = await stat(candidate);
      if (info.isFile()) return candidate;
    } catch {
      // fall through
    }
    return null;
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const urlPath = new URL(req.url, "http://localhost").pathname;
      let path = await fileFor(urlPath);
      let status = 200;
      if (path === OUTSIDE) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
        return;
      }
      if (!path) {
        // A missing asset (a known file type) is a 404; anything else is a client-side route, even with a dot in it.
        if (TYPES[extname(urlPath)] && extname(urlPath) !== ".html") {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
          return;
        }
        path = join(root, "index.html");
      }
      const entry = await load(path);
      const headers = {
        "Content-Type": TYPES[entry.ext] ?? "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        Vary: "Accept-Encoding",
        "Cache-Control":
          entry.ext === ".html" ? "no-cache" : /-[0-9a-f]{16}\./.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
      };
      const accept = String(req.headers["accept-encoding"] ?? "");
      let body = entry.body;
      if (entry.br && /\bbr\b/.test(accept)) {
        body = entry.br;
        headers["Content-Encoding"] = "br";
      } else if (entry.gzip && /\bgzip\b/.test(accept)) {
        body = entry.gzip;
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Server error\n");
      console.error(err);
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return { server, url };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080"] = process.argv.slice(2);
  try {
    await stat(join(dir, "index.html"));
  } catch {
    console.error(`error: ${dir}/index.html not found: build the bundle first (scripts/serve does).`);
    process.exit(1);
  }
  const { url } = await serve(dir, Number(port));
  console.log(`Serving ${dir} at ${url}/`);
}
