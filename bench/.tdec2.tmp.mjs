import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
const tab = await browser.newPage();
console.log(await tab.evaluate(`(() => {
  const out = [];
  const mem = new WebAssembly.Memory({ initial: 32 });
  for (const [what, buf] of [['plain', new Uint8Array(2 << 20)], ['wasm', new Uint8Array(mem.buffer)]]) {
    for (let i = 0; i < (1 << 20); i++) buf[i] = 32 + ((i * 7) % 90);
    for (const size of [250, 16000]) {
      const n = Math.round(40e6 / size);
      const l1 = new TextDecoder('latin1');
      let x = 0; const t = performance.now(); for (let i = 0; i < n; i++) { const at = (i * 4099) % 1000000; x += l1.decode(buf.subarray(at, at + size)).length; }
      out.push(what + ' ' + size + 'B ' + (performance.now() - t).toFixed(0) + 'ms for 40MB');
    }
  }
  return out.join('\\n');
})()`));
await browser.close();
