// One served dist/ (under a sub-path, as on GitHub Pages) and one browser per test file.
import { before, after } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';

/** Registers the file's before/after hooks; the returned object fills in when they run. */
export function useServedApp(subPath = '/some-repo/') {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveDist(subPath);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
