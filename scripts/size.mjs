// Prints the transfer size of a built bundle: raw, gzip -9 and brotli -11 bytes per file, by kind, with the
// totals checked against a budget file. Exit code 1 when a budget is exceeded.
// Usage: node scripts/size.mjs <dist> <budget.json>

import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [dist = "dist", budgetFile = "scripts/size-budget.json"] = process.argv.slice(2);
const budget = JSON.parse(await readFile(budgetFile, "utf8"));

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const KIND = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" };
const rows = [];
for await (const path of walk(dist)) {
  const body = await readFile(path);
  const kind = KIND[extname(path)] ?? "other";
  rows.push({
    file: relative(dist, path),
    kind,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rows.sort((a, b) => b.brotli - a.brotli);

const fmt = (n) => n.toLocaleString("en-US").padStart(10);
const line = (a, b, c, d, e) => console.log(`${a.padEnd(44)} ${b.padEnd(6)} ${c} ${d} ${e}`);
line("file", "kind", "       raw", "      gzip", "    brotli");
for (const r of rows) line(r.file, r.kind, fmt(r.raw), fmt(r.gzip), fmt(r.brotli));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
line("total", "", fmt(total.raw), fmt(total.gzip), fmt(total.brotli));

const wasmGzip = rows.filter((r) => r.kind === "wasm").reduce((t, r) => t + r.gzip, 0);
const checks = [
  ["total transfer (brotli)", total.brotli, budget.total_brotli_bytes],
  ["wasm (gzip)", wasmGzip, budget.wasm_gzip_bytes],
];
let over = false;
console.log("");
for (const [name, value, limit] of checks) {
  const ok = value <= limit;
  over ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"} ${name}: ${value.toLocaleString("en-US")} B of ${limit.toLocaleString("en-US")} B budget (${((100 * value) / limit).toFixed(0)}%)`);
}
process.exit(over ? 1 : 0);
