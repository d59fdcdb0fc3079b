// html-check.js: open a page in headless Chromium through the DevTools
// protocol on a pipe (no extra packages), record every failed request, save
// a screenshot, and exit 0 only if the page loaded with no failed request.
// Usage: node html-check.js CHROMIUM URL SCREENSHOT.png
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [chromium, url, shot] = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-chromium-'));
const child = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  '--user-data-dir=' + profile, '--remote-debugging-pipe',
  '--window-size=1200,900', 'about:blank'
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const out = child.stdio[3], inp = child.stdio[4];
let id = 0, buf = '';
const waiting = new Map();
const failures = [];
let session = null, loaded = false;

function send(method, params, sessionId) {
  const msg = { id: ++id, method, params: params || {} };
  if (sessionId) msg.sessionId = sessionId;
  out.write(JSON.stringify(msg) + '\0');
  return new Promise((resolve, reject) => waiting.set(msg.id, { resolve, reject }));
}

function finish(code, why) {
  if (why) console.log(why);
  try { child.kill('SIGKILL'); } catch (e) { /* gone already */ }
  // Chromium may still be writing its profile as it dies; leftovers are
  // only a temporary directory.
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { /* ignore */ }
  process.exit(code);
}

inp.on('data', (chunk) => {
  buf += chunk.toString('utf8');
  let nul;
  while ((nul = buf.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buf.slice(0, nul));
    buf = buf.slice(nul + 1);
    if (msg.id && waiting.has(msg.id)) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(JSON.stringify(msg.error)));
      else w.resolve(msg.result);
    } else if (msg.method === 'Network.loadingFailed') {
      failures.push('failed: ' + msg.params.errorText + ' ' + msg.params.requestId);
    } else if (msg.method === 'Network.responseReceived') {
      const r = msg.params.response;
      if (r.status >= 400) failures.push('HTTP ' + r.status + ' ' + r.url);
    } else if (msg.method === 'Network.requestWillBeSent') {
      const u = msg.params.request.url;
      if (!/^(file|data|about):/.test(u)) failures.push('external request: ' + u);
    } else if (msg.method === 'Page.loadEventFired') {
      loaded = true;
    }
  }
});

setTimeout(() => finish(2, 'timed out'), 60000).unref();

(async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  ({ sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true }));
  await send('Network.enable', {}, session);
  await send('Page.enable', {}, session);
  await send('Page.navigate', { url }, session);
  for (let i = 0; i < 200 && !loaded; i++) await new Promise((r) => setTimeout(r, 100));
  if (!loaded) finish(1, 'the page did not load');
  const { result } = await send('Runtime.evaluate', {
    expression: 'document.images.length + " " + Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length',
    returnByValue: true }, session);
  const [nimg, broken] = result.value.split(' ').map(Number);
  const { data } = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, session);
  fs.writeFileSync(shot, Buffer.from(data, 'base64'));
  console.log('images ' + nimg + ', broken ' + broken + ', failed requests ' + failures.length);
  failures.forEach((f) => console.log(f));
  finish(failures.length === 0 && broken === 0 && nimg > 0 ? 0 : 1);
})().catch((e) => finish(2, String(e)));
