// html-check.js: open a page in headless Chromium through the DevTools
// protocol on a pipe (no extra packages) and, at each window width (1,280
// and 420 CSS pixels), assert that no element reaches past the window (an
// element inside a box that scrolls sideways is that box's business, and
// the box itself is checked), that the summary box is the first block after
// the title, and take a full-page screenshot PREFIX-WIDTH.png and one of
// the first window's height, PREFIX-WIDTH-top.png.  The page
// must make no request at all beyond its own file (images are data: URIs)
// and every image must render.  Exit 0 only if all of that holds.
// Usage: node html-check.js CHROMIUM URL PREFIX
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [chromium, url, prefix] = process.argv.slice(2);
const widths = [1280, 420];
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
      // The page's own file is the one request it may make.
      const u = msg.params.request.url;
      if (u !== url && !/^data:/.test(u)) failures.push('request: ' + u);
    } else if (msg.method === 'Page.loadEventFired') {
      loaded = true;
    }
  }
});

setTimeout(() => finish(2, 'timed out'), 90000).unref();

// Runs in the page: images, elements past the window's right or left edge
// (outside any sideways-scrolling box), and what follows the <h1>.
function layout() {
  const W = document.documentElement.clientWidth;
  const over = [];
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || clipped(el)) continue;
    if (r.right > W + 0.5 || r.left < -0.5)
      over.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + W);
  }
  if (document.documentElement.scrollWidth > W)
    over.push('the page is ' + document.documentElement.scrollWidth + ' wide');
  const kids = document.body.children;
  const first = kids.length > 1 && kids[0].tagName === 'H1'
    && kids[1].matches('section.summary') ? 'summary'
    : (kids[1] ? kids[1].tagName.toLowerCase() : 'none');
  const imgs = Array.from(document.images);
  return { nimg: imgs.length, over: over,
           broken: imgs.filter((i) => !i.complete || i.naturalWidth === 0).length,
           first: first };
}

(async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  ({ sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true }));
  await send('Network.enable', {}, session);
  await send('Page.enable', {}, session);
  await send('Page.navigate', { url }, session);
  for (let i = 0; i < 200 && !loaded; i++) await new Promise((r) => setTimeout(r, 100));
  if (!loaded) finish(1, 'the page did not load');
  const problems = [];
  for (const w of widths) {
    await send('Emulation.setDeviceMetricsOverride',
      { width: w, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    await new Promise((r) => setTimeout(r, 300));
    const { result } = await send('Runtime.evaluate', {
      expression: '(' + layout.toString() + ')()', returnByValue: true }, session);
    const v = result.value;
    console.log('width ' + w + ': images ' + v.nimg + ', broken ' + v.broken
                + ', overflowing ' + v.over.length + ', first block ' + v.first);
    v.over.slice(0, 10).forEach((o) => problems.push(w + ' px: overflows: ' + o));
    if (v.nimg === 0 || v.broken > 0) problems.push(w + ' px: ' + v.broken + ' of ' + v.nimg + ' images broken');
    if (v.first !== 'summary') problems.push(w + ' px: first block after the title is ' + v.first);
    const m = await send('Page.getLayoutMetrics', {}, session);
    const size = m.cssContentSize || m.contentSize;
    const { data } = await send('Page.captureScreenshot', {
      format: 'png', captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: w, height: Math.ceil(size.height), scale: 1 } }, session);
    fs.writeFileSync(prefix + '-' + w + '.png', Buffer.from(data, 'base64'));
    // The top of the page as a reader first sees it (the README's picture).
    const top = await send('Page.captureScreenshot', { format: 'png' }, session);
    fs.writeFileSync(prefix + '-' + w + '-top.png', Buffer.from(top.data, 'base64'));
  }
  console.log('requests beyond the page: ' + failures.length);
  failures.forEach((f) => console.log(f));
  problems.forEach((p) => console.log(p));
  finish(failures.length === 0 && problems.length === 0 ? 0 : 1);
})().catch((e) => finish(2, String(e)));
