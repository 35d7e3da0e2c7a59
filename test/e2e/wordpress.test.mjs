// End-to-end: OUR WordPress plugin (integrations/wordpress/sos-annuaire, widget from dist/cdn) in
// a real WordPress (Debian packages, twentytwentythree block theme), set up by wp-setup.sh in a
// temporary directory and torn down by wp-teardown.sh. Skipped when the packages are missing:
//   apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree \
//     mariadb-server apache2 libapache2-mod-php php-mysql
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CDN_DIR, ROOT, assertClean, deepHandle, firstNumber, launchBrowser, openPage, requireBuild, search, waitCount } from './harness.mjs';

const APT = 'apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql';

function missingPrerequisites() {
  const missing = [];
  if (process.env.SOS_E2E_NO_WP) missing.push('nothing (SOS_E2E_NO_WP is set)');
  if (process.getuid?.() !== 0) missing.push('root (MariaDB runs as the mysql user, the WordPress config goes to /etc/wordpress)');
  const files = {
    wordpress: '/usr/share/wordpress/wp-load.php',
    'wordpress-theme-twentytwentythree': '/usr/share/wordpress/wp-content/themes/twentytwentythree',
    'mariadb-server': '/usr/sbin/mariadbd',
    apache2: '/usr/sbin/apache2',
    php: '/usr/bin/php',
  };
  for (const [pkg, file] of Object.entries(files)) if (!existsSync(file)) missing.push(pkg);
  const mods = existsSync('/usr/lib/apache2/modules') ? readdirSync('/usr/lib/apache2/modules') : [];
  if (!mods.some((m) => /^libphp.*\.so$/.test(m))) missing.push('libapache2-mod-php');
  else if (spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout?.includes('mysqli') !== true) missing.push('php-mysql');
  return missing;
}

const missing = missingPrerequisites();
const skip = missing.length ? `WordPress e2e skipped, missing: ${missing.join(', ')}. Install with: ${APT}` : false;
if (skip) console.log(`# ${skip}`);

/** The test site has no favicon: the browser's own /favicon.ico request 404s (not the widget's doing). */
const siteFavicon = (text, url) => /404/.test(text) && /\/favicon\.ico$/.test(url);

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Runs PHP inside the test WordPress (WP-CLI is not packaged in Debian). */
function wpPhp(state, port, code) {
  const boot = `$_SERVER["HTTP_HOST"]="localhost:${port}"; $_SERVER["WORDPRESS_CONFIG"]="sosannuaire-e2e"; require "/usr/share/wordpress/wp-load.php";`;
  const r = spawnSync('php', ['-r', boot + code], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, `php failed: ${r.stderr}`);
  return r.stdout;
}

const suite = () => {
  let state;
  let port;
  let urls = {};
  let browser;

  before(async () => {
    requireBuild();
    state = mkdtempSync(join(tmpdir(), 'sos-wp-e2e-'));
    port = await freePort();
    const r = spawnSync('bash', [join(ROOT, 'test/e2e/wp-setup.sh')], {
      env: { ...process.env, STATE: state, PORT: String(port), CDN_DIR },
      encoding: 'utf8',
      timeout: 120000,
    });
    if (r.status !== 0) throw new Error(`wp-setup.sh failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    urls = Object.fromEntries(readFileSync(join(state, 'urls'), 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    browser = await launchBrowser();
  }, { timeout: 150000 });

  after(async () => {
    await browser?.close().catch(() => {});
    if (state) {
      const r = spawnSync('bash', [join(ROOT, 'test/e2e/wp-teardown.sh')], { env: { ...process.env, STATE: state }, encoding: 'utf8', timeout: 60000 });
      if (r.status !== 0) console.error(`wp-teardown.sh: ${r.stderr}`);
    }
  }, { timeout: 70000 });

  test('the shortcode renders the directory inside the theme; a search works; no console error', { timeout: 60000 }, async () => {
    const { page, log } = await openPage(browser, urls.directory, { allow: siteFavicon });
    const html = await page.content();
    assert.match(html, /<script type="module" src="[^"]*\/wp-content\/plugins\/sos-annuaire\/assets\/sos-annuaire\.js\?ver=[^"]*" id="sos-annuaire-js/);
    assert.doesNotMatch(html, /inconnu=/, 'unknown shortcode attributes are dropped');
    assert.ok(await page.$('.wp-site-blocks sos-annuaire#annuaire'), 'the element sits in the block theme layout');
    const first = await waitCount(page);
    assert.ok(firstNumber(first) > 100, first);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0 && firstNumber(after) < firstNumber(first), `${first} -> ${after}`);
    const input = await deepHandle(page, 'sos-annuaire', 'input[part="search-input"]');
    const box = await input.boundingBox();
    assert.ok(box && box.height >= 44, `search input ${box?.height}px tall in the theme`);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('[annuaire_sos_fiche] renders one structure card', { timeout: 60000 }, async () => {
    const { page, log } = await openPage(browser, urls.card, { allow: siteFavicon });
    try {
      await page.waitForFunction(
        () => window.__deepFind(document.querySelector('sos-structure-card').shadowRoot, 'h2')?.textContent?.includes('Bergonié'),
        { polling: 100, timeout: 20000 },
      );
    } catch (e) {
      // Seen once under full-suite load, not reproduced since: say what the page looked like.
      const state = await page.evaluate(() => ({
        defined: !!customElements.get('sos-structure-card'),
        text: document.querySelector('sos-structure-card')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300) ?? null,
        scripts: performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()),
      }));
      throw new Error(`${e.message}\npage: ${JSON.stringify(state)}\nlog: ${JSON.stringify(log).slice(0, 2000)}`);
    }
    await assertClean(assert, page, log);
    await page.close();
  });

  test('without src: an HTML comment for visitors, no element, no script', { timeout: 30000 }, async () => {
    const html = await (await fetch(urls.missing)).text();
    assert.match(html, /<!-- annuaire_sos : attribut src manquant/);
    assert.doesNotMatch(html, /<sos-annuaire|sos-annuaire-notice|sos-annuaire\.js/);
  });

  test('pages without the shortcode do not load the widget', { timeout: 30000 }, async () => {
    const html = await (await fetch(urls.plain)).text();
    assert.match(html, /Une page sans code court/);
    assert.doesNotMatch(html, /sos-annuaire\.js/);
  });

  test('escaping, unknown attributes, bare lock, and the notice for editors', { timeout: 30000 }, () => {
    const out = JSON.parse(wpPhp(state, port, `
      $evil = do_shortcode('[annuaire_sos src="https://a.fr/f.json https://b.fr/g.json" departement=\\'33"><script>alert(1)</script>\\' basemap="javascript:alert(1)" onclick="x" lock]');
      $offline = do_shortcode('[annuaire_sos src="https://a.fr/f.json" basemap="offline" variant="liste"]');
      $visitor = do_shortcode('[annuaire_sos]');
      wp_set_current_user(1);
      $editor = do_shortcode('[annuaire_sos]');
      $card = do_shortcode('[annuaire_sos_fiche src="https://a.fr/f.json"]');
      echo json_encode(compact('evil', 'offline', 'visitor', 'editor', 'card'));`));
    assert.doesNotMatch(out.evil, /<script/);
    assert.match(out.evil, /departement="33&quot;&gt;&lt;script&gt;/);
    assert.match(out.evil, /src="https:\/\/a\.fr\/f\.json https:\/\/b\.fr\/g\.json"/);
    assert.doesNotMatch(out.evil, /javascript:|onclick/);
    assert.match(out.evil, / lock[ >]/);
    assert.equal(out.offline, '<sos-annuaire src="https://a.fr/f.json" basemap="offline" variant="liste"></sos-annuaire>');
    assert.doesNotMatch(out.visitor, /<p|<sos-annuaire/);
    assert.match(out.editor, /<p class="sos-annuaire-notice" role="alert"[^>]*>Annuaire SOS/);
    assert.match(out.card, /structure_id/);
  });

  test('the plugin logged no PHP warning or notice', () => {
    const logFile = join(state, 'wp-debug.log');
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    assert.deepEqual(text.split('\n').filter((l) => /sos-annuaire/.test(l)), []);
  });
};

// Skipped as one visible test (counted as skipped), not as a silently empty suite.
if (skip) test('WordPress plugin in a real WordPress', { skip }, () => {});
else describe('WordPress plugin in a real WordPress', suite);
