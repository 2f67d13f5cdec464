// How every script and test here starts Chromium: Debian's build (CHROMIUM overrides the path), headless, with the
// flags it needs to run as root in a container and to stay off the network (no updates, sync or QUIC).

export const CHROMIUM_PATH = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
