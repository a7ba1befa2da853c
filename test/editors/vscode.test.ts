// End to end in VS Code itself: code-server with the packaged .vsix, driven in Debian's
// Chromium by playwright-core. Opens the incident example, reads the Problems panel, applies
// the quick fix for the wrong local address and checks the file on disk. Also takes the
// screenshot shown in the README (KL_UPDATE_SCREENSHOT=1). Needs test/editors/install-code-server.sh (run by .ci/run).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const CODE_SERVER = join(ROOT, '.editors', 'code-server', 'node_modules', '.bin', 'code-server');
const available = existsSync(CODE_SERVER) && existsSync('/usr/bin/chromium');
if (!available) console.log('VS Code test: code-server or chromium missing; run test/editors/install-code-server.sh (.ci/run does)');

const PORT = 18_000 + (process.pid % 1000);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('code-server did not start');
}

async function openProblems(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(1000);
}

/** Rows of the Problems list; the panel is maximized first, as the list only renders what is visible. */
async function problemRows(page: Page): Promise<string[]> {
  await page.click('[aria-label="Maximize Panel Size"]');
  await page.waitForTimeout(1000);
  const rows = await page.$$eval('.markers-panel .monaco-list-row', (list) => list.map((r) => r.getAttribute('aria-label') ?? ''));
  await page.click('[aria-label="Restore Panel Size"]');
  return rows;
}

describe.runIf(available)('VS Code (code-server) with the packaged extension', () => {
  const work = mkdtempSync(join(tmpdir(), 'kl-vscode-'));
  let server: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  afterAll(async () => {
    await browser?.close();
    if (server?.pid) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the incident diagnostics in Problems and applies the local-address quick fix', async () => {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', join(work, 'keepalived-lint.vsix')], { cwd: ROOT, stdio: 'ignore' });
    const [userData, extensions, folder] = ['user', 'extensions', 'incident'].map((d) => join(work, d));
    cpSync(join(ROOT, 'examples', 'incident'), folder, { recursive: true });
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
      'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'workbench.tips.enabled': false, 'window.zoomLevel': 0,
    }));
    const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg') };
    execFileSync(CODE_SERVER, ['--install-extension', join(work, 'keepalived-lint.vsix'), '--user-data-dir', userData, '--extensions-dir', extensions], { env, stdio: 'ignore' });
    server = spawn(CODE_SERVER, ['--bind-addr', `127.0.0.1:${PORT}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--disable-proxy', '--user-data-dir', userData, '--extensions-dir', extensions, folder], { env, detached: true, stdio: 'ignore' });
    await waitForHealth();

    browser = await chromium.launchPersistentContext(join(work, 'browser'), { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1100 } });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(3000);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('lvs-a/keepalived.conf');
    // Quick Open fills its list from a file search: pressing Enter before the file is listed
    // (a busy machine) opens nothing, and the extension never activates.
    await page.waitForFunction("[...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) => row.textContent.includes('keepalived.conf'))", undefined, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cdr[class*=squiggly-]', { timeout: 60_000 });
    await openProblems(page);
    // KL_UPDATE_SCREENSHOT=1 refreshes the README's picture; otherwise it stays in the temp dir.
    const shot = process.env.KL_UPDATE_SCREENSHOT === '1' ? join(ROOT, 'docs', 'images', 'vscode-incident.png') : join(work, 'incident.png');
    await page.screenshot({ path: shot });
    const rows = await problemRows(page);

    const cli = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', join(folder, 'lvs-a', 'keepalived.conf')], { encoding: 'utf8' }).stdout);
    // The CLI reports lvs-a and the workspace file (swapped parameters); so does the editor.
    const expected = (cli.files as Array<{ path: string; diagnostics: Array<{ line: number; message: string }> }>).flatMap((f) => f.diagnostics);
    for (const d of expected) {
      expect(rows.some((row) => row.includes(`at line ${d.line} and`) && row.includes(d.message.slice(0, 40))), `Problems shows line ${d.line}: ${d.message.slice(0, 60)}`).toBe(true);
    }
    expect(rows.filter((r) => r.includes('generated by keepalived-lint')).length).toBe(expected.length);

    const line = readFileSync(join(folder, 'lvs-a', 'keepalived.conf'), 'utf8').split('\n').findIndex((l) => l.includes('10.186.87.106 bond0')) + 1;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:6`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(2000);
    expect(readFileSync(join(folder, 'lvs-a', 'keepalived.conf'), 'utf8')).toContain('    10.186.87.105 bond0\n');
  }, 360_000);
});
