// Debian's Chromium driven by playwright-core (no browser download), in a throw-away profile.
import { chromium } from 'playwright-core';
import { paths } from './provision.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Chromium with HOME pointed at `home` so it writes nothing into the real one. */
export async function launchBrowser(home) {
  return chromium.launch({
    executablePath: paths().chromium,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config`, XDG_CACHE_HOME: `${home}/.cache` },
  });
}
