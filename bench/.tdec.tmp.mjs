import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
const tab = await browser.newPage();
console.log(await tab.evaluate(`(() => {
  const out = [];
  for (const size of [250, 16000]) {
    const n = Math.round(40e6 / size);
    const buf = new Uint8Array(size * 64); for (let i = 0; i < buf.length; i++) buf[i] = 32 + ((i * 7) % 90);
    const views = Array.from({ length: 64 }, (_, k) => buf.subarray(k * size, (k + 1) * size));
    const fcc = (b) => { let t = ''; for (let a = 0; a < b.length; a += 16384) t += String.fromCharCode.apply(null, b.subarray(a, a + 16384)); return t; };
    const u8 = new TextDecoder('utf-8'); const l1 = new TextDecoder('latin1');
    for (const [name, f] of [['fromCharCode', fcc], ['utf8', (b) => u8.decode(b)], ['latin1(1252)', (b) => l1.decode(b)]]) {
      let x = 0; const t = performance.now(); for (let i = 0; i < n; i++) x += f(views[i & 63]).length; out.push(size + 'B ' + name + ' ' + (performance.now() - t).toFixed(0) + 'ms for 40MB');
    }
  }
  return out.join('\\n');
})()`));
await browser.close();
