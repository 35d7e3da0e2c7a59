// End-to-end: OUR WordPress plugin (integrations/wordpress/sos-annuaire, widget from dist/cdn) in
// a real WordPress (Debian packages, twentytwentythree block theme), set up by wp-setup.sh in a
// temporary directory and torn down by wp-teardown.sh: the shortcodes, the « Annuaire SOS »
// block inserted through the REST API and through the block editor in Chromium, and the settings
// page with its link to the publisher's workbench (dist/editeur, bundled). Skipped when the
// packages are missing:
//   apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree \
//     mariadb-server apache2 libapache2-mod-php php-mysql
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CDN_DIR, EDITEUR_DIR, ROOT, assertClean, deepHandle, firstNumber, launchBrowser, openPage, requireBuild, search, waitCount } from './harness.mjs';

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
  const config = readFileSync(join(state, 'config-name'), 'utf8').trim();
  const boot = `$_SERVER["HTTP_HOST"]="localhost:${port}"; $_SERVER["WORDPRESS_CONFIG"]="${config}"; require "/usr/share/wordpress/wp-load.php";`;
  const r = spawnSync('php', ['-r', boot + code], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, `php failed: ${r.stderr}`);
  return r.stdout;
}

/** Entry names of a zip file, read from its central directory. */
function zipEntries(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const names = [];
  let at = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'zip central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

/** Block markup as the editor writes it for « Annuaire SOS » (attributes as JSON, self-closing). */
const blockMarkup = (attrs) => `<!-- wp:sos-annuaire/annuaire ${attrs ? `${JSON.stringify(attrs)} ` : ''}/-->`;

const suite = () => {
  let state;
  let port;
  let urls = {};
  let browser;
  let site;
  let appAuth;

  /** The REST API as the admin, authenticated with an application password. */
  async function rest(route, { method = 'GET', body } = {}) {
    const res = await fetch(`${site}/?rest_route=${encodeURIComponent(route)}`, {
      method,
      headers: { authorization: appAuth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    assert.ok(res.ok, `${method} ${route}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
    return json;
  }

  /** Publishes a page holding a paragraph and the given block markup (REST API); returns its address. */
  async function publishPage(title, markup) {
    const content = `<!-- wp:paragraph --><p>Texte du site avant le bloc.</p><!-- /wp:paragraph -->\n${markup}`;
    const created = await rest('/wp/v2/pages', { method: 'POST', body: { title, status: 'publish', content } });
    assert.equal(created.status, 'publish');
    return created.link;
  }

  /** A page of the admin as the administrator: logs in through wp-login.php when the browser is not yet. */
  async function adminPage(url) {
    const opened = await openPage(browser, url, { allow: siteFavicon });
    if (new URL(opened.page.url()).pathname.endsWith('/wp-login.php')) {
      const password = readFileSync(join(state, 'admin-password'), 'utf8').trim();
      // Filled at once: wp-login.php moves the focus to the user name 200 ms after loading, which
      // could land in the middle of typing the password.
      await opened.page.evaluate((pass) => {
        document.querySelector('#user_login').value = 'admin';
        document.querySelector('#user_pass').value = pass;
      }, password);
      await Promise.all([opened.page.waitForNavigation({ timeout: 60000 }), opened.page.click('#wp-submit')]);
      if (opened.page.url() !== url) await opened.page.goto(url, { waitUntil: 'load', timeout: 60000 });
    }
    return opened;
  }

  before(async () => {
    requireBuild();
    if (!existsSync(join(EDITEUR_DIR, 'index.html'))) {
      throw new Error(`${EDITEUR_DIR}/index.html is missing: the plugin bundles the built workbench. Run \`npm run build\` first.`);
    }
    state = mkdtempSync(join(tmpdir(), 'sos-wp-e2e-'));
    port = await freePort();
    const r = spawnSync('bash', [join(ROOT, 'test/e2e/wp-setup.sh')], {
      env: { ...process.env, STATE: state, PORT: String(port), CDN_DIR, EDITEUR_DIR },
      encoding: 'utf8',
      timeout: 120000,
    });
    if (r.status !== 0) throw new Error(`wp-setup.sh failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    urls = Object.fromEntries(readFileSync(join(state, 'urls'), 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    site = `http://localhost:${port}`;
    // WP-CLI is not packaged in Debian: the application password is made in PHP.
    const password = wpPhp(state, port, `
      $r = WP_Application_Passwords::create_new_application_password(1, ['name' => 'e2e']);
      if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message()); exit(1); }
      echo $r[0];`).trim();
    appAuth = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
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

  test('the block is registered with the shortcode\'s attributes (REST block-types)', { timeout: 30000 }, async () => {
    const type = await rest('/wp/v2/block-types/sos-annuaire/annuaire');
    assert.equal(type.title, 'Annuaire SOS');
    assert.equal(type.api_version, 3);
    assert.equal(type.is_dynamic, true);
    const names = Object.keys(type.attributes);
    for (const name of ['src', 'departement', 'care', 'subcare', 'audience', 'age', 'setting', 'phase', 'access', 'cost', 'pathway', 'opening', 'mssante', 'lockPresets', 'variant', 'theme', 'lang', 'basemap']) {
      assert.ok(names.includes(name), `attribute ${name} in ${names}`);
    }
    assert.equal(type.attributes.src.type, 'string');
    assert.equal(type.attributes.lockPresets.type, 'boolean');
    // Every text attribute is one the shortcode knows (the block renders through it).
    const shortcode = JSON.parse(wpPhp(state, port, 'echo json_encode(array_keys(SOS_ANNUAIRE_ATTRIBUTES));'));
    const own = names.filter((n) => type.attributes[n].type === 'string' && !['className', 'align'].includes(n));
    assert.deepEqual(own.filter((n) => !shortcode.includes(n)), []);
  });

  test('a block inserted through the REST API renders the directory inside the theme; a search works', { timeout: 90000 }, async () => {
    const url = await publishPage('Annuaire (bloc)', blockMarkup({ src: urls.feed, basemap: 'offline', variant: 'liste', align: 'wide' }));
    const { page, log } = await openPage(browser, url, { allow: siteFavicon });
    const html = await page.content();
    assert.match(html, /<script type="module" src="[^"]*\/wp-content\/plugins\/sos-annuaire\/assets\/sos-annuaire\.js\?ver=[^"]*" id="sos-annuaire-js/);
    assert.ok(
      await page.$('.wp-site-blocks .wp-block-sos-annuaire-annuaire.alignwide > sos-annuaire[variant="liste"][basemap="offline"]'),
      'the element sits in the block wrapper (wide alignment) in the block theme layout',
    );
    assert.equal(await page.$eval('sos-annuaire', (el) => el.getAttribute('src')), urls.feed);
    const first = await waitCount(page);
    assert.ok(firstNumber(first) > 100, first);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0 && firstNumber(after) < firstNumber(first), `${first} -> ${after}`);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('hostile block attributes are escaped or refused exactly like the shortcode', { timeout: 30000 }, () => {
    const out = JSON.parse(wpPhp(state, port, String.raw`
      $block = fn ($attrs) => do_blocks('<!-- wp:sos-annuaire/annuaire ' . $attrs . ' /-->');
      $hostile = ['src' => 'https://a.fr/f.json javascript:alert(1) https://b.fr/g.json', 'departement' => '33"><script>alert(1)</script>', 'care' => "x' onmouseover='alert(1)", 'basemap' => 'javascript:alert(1)', 'onclick' => 'alert(1)', 'lockPresets' => true];
      $raw = $block(json_encode($hostile, JSON_UNESCAPED_SLASHES));
      // How the editor itself serialises attributes: < > & " as \u escapes.
      $editor = $block(wp_json_encode($hostile, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES));
      $callback = sos_annuaire_shortcode(['src' => $hostile['src'], 'departement' => $hostile['departement'], 'care' => $hostile['care'], 'basemap' => $hostile['basemap'], 'onclick' => 'alert(1)', 'lock']);
      $shortcode = do_shortcode('[annuaire_sos src="https://a.fr/f.json javascript:alert(1) https://b.fr/g.json" departement=\'33"><script>alert(1)</script>\' basemap="javascript:alert(1)" onclick="alert(1)" lock]');
      $noCare = $block(json_encode(array_diff_key($hostile, ['care' => 1]), JSON_UNESCAPED_SLASHES));
      $types = $block('{"src":"https://a.fr/f.json","departement":{"x":"<script>"},"variant":42,"lockPresets":"true","opening":1,"mssante":"oui"}');
      $srcArray = $block('{"src":["https://a.fr/f.json"]}');
      $wrapper = $block('{"src":"https://a.fr/f.json","className":"x\" onmouseover=\"alert(1)","align":"wide\"><script>alert(1)</script>"}');
      $jsBlock = $block('{"src":"javascript:alert(1)"}');
      $jsShortcode = do_shortcode('[annuaire_sos src="javascript:alert(1)"]');
      $jsCard = do_shortcode('[annuaire_sos_fiche src="javascript:alert(1)" structure_id="finess-330000662"]');
      echo json_encode(compact('raw', 'editor', 'callback', 'shortcode', 'noCare', 'types', 'srcArray', 'wrapper', 'jsBlock', 'jsShortcode', 'jsCard'));`));
    const wrap = (inner) => `<div class="wp-block-sos-annuaire-annuaire">${inner}</div>`;
    assert.equal(out.raw, wrap(out.callback), 'the block renders what the shortcode renders, in its wrapper');
    assert.equal(out.editor, out.raw, 'escaped JSON (as the editor writes it) gives the same page');
    assert.equal(out.noCare, wrap(out.shortcode), 'same as the [annuaire_sos …] shortcode in a post');
    assert.doesNotMatch(out.raw, /<script|javascript:|onclick|onmouseover='/);
    assert.match(out.raw, /^<div class="wp-block-sos-annuaire-annuaire"><sos-annuaire src="https:\/\/a\.fr\/f\.json https:\/\/b\.fr\/g\.json" departement="33&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;" care="x&#039; onmouseover=&#039;alert\(1\)" lock><\/sos-annuaire><\/div>$/);
    assert.equal(out.types, wrap('<sos-annuaire src="https://a.fr/f.json"></sos-annuaire>'), 'values of the wrong type are dropped; toggles need true');
    assert.equal(out.srcArray, "<!-- annuaire_sos : attribut src manquant, rien n'est affiché -->", 'an src that is not text counts as missing');
    // WordPress escapes the wrapper's classes itself (WP 6.1 does not check `align` against its list).
    assert.match(out.wrapper, /^<div class="[^"<>]*\bwp-block-sos-annuaire-annuaire\b[^"<>]*"><sos-annuaire src="https:\/\/a\.fr\/f\.json"><\/sos-annuaire><\/div>$/);
    assert.match(out.wrapper, / x&quot; onmouseover=&quot;alert\(1\)/);
    assert.equal(out.jsBlock, out.jsShortcode, 'a javascript: feed address is refused like the shortcode');
    assert.equal(out.jsBlock, "<!-- annuaire_sos : attribut src invalide (adresse http ou https attendue), rien n'est affiché -->");
    assert.equal(out.jsCard, "<!-- annuaire_sos_fiche : attribut src invalide (adresse http ou https attendue), rien n'est affiché -->");
  });

  test('a hostile block in a published page runs nothing and keeps the values as text', { timeout: 60000 }, async () => {
    const departement = '33"><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const url = await publishPage('Bloc hostile', blockMarkup({ src: `${urls.feed} javascript:window.__pwned=3`, departement, basemap: 'offline', variant: 'liste', theme: '"><script>window.__pwned = 4</script>' }));
    const html = await (await fetch(url)).text();
    assert.doesNotMatch(html, /<script>window\.__pwned|<img src=x|javascript:/);
    const { page } = await openPage(browser, url, { allow: () => true });
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(
      await page.$eval('sos-annuaire', (el) => [el.getAttribute('src'), el.getAttribute('departement'), el.getAttribute('theme')]),
      [urls.feed, departement, '"><script>window.__pwned = 4</script>'],
    );
    await page.close();
  });

  test('a block without src: the shortcode\'s HTML comment for visitors, no element, no script; editors are told where to set it', { timeout: 30000 }, async () => {
    const url = await publishPage('Bloc sans flux', blockMarkup({ departement: '33', variant: 'liste' }));
    const html = await (await fetch(url)).text();
    const comment = /<!-- annuaire_sos : [^>]*-->/;
    assert.equal(html.match(comment)?.[0], (await (await fetch(urls.missing)).text()).match(comment)?.[0]);
    assert.equal(html.match(comment)?.[0], "<!-- annuaire_sos : attribut src manquant, rien n'est affiché -->");
    assert.doesNotMatch(html, /<sos-annuaire|sos-annuaire-notice|sos-annuaire\.js/);
    const editor = wpPhp(state, port, `wp_set_current_user(1); echo do_blocks('${blockMarkup({ departement: '33' })}');`);
    assert.match(editor, /<p class="sos-annuaire-notice" role="alert"[^>]*>Annuaire SOS \(message visible seulement par les éditeurs\) : indiquez l&#039;adresse du flux de votre DSRC dans le bloc Annuaire SOS \(réglages du bloc, « Adresse du flux »\)/);
  });

  test('the block editor: « Annuaire SOS » is in the inserter, the sidebar has its settings, the page made with it shows the directory', { timeout: 180000 }, async () => {
    const { page, log } = await adminPage(`${site}/wp-admin/post-new.php?post_type=page`);
    await page.waitForSelector('.edit-post-header-toolbar__inserter-toggle', { timeout: 60000 });

    // The inserter: search for the block by its French name, insert it.
    await page.click('.edit-post-header-toolbar__inserter-toggle');
    await page.waitForSelector('.block-editor-inserter__search input', { timeout: 30000 });
    await page.type('.block-editor-inserter__search input', 'annuaire');
    const item = await page.waitForSelector('.block-editor-block-types-list__item.editor-block-list-item-sos-annuaire-annuaire', { timeout: 30000 });
    assert.match(await item.evaluate((el) => el.textContent), /Annuaire SOS/);
    await item.click();

    // In the page: the French placeholder while no feed is set.
    const block = await page.waitForSelector('.wp-block-sos-annuaire-annuaire', { timeout: 30000 });
    assert.match(await block.evaluate((el) => el.textContent), /Aucun flux indiqué : l'annuaire ne s'affichera pas/);

    // The sidebar (block settings, opened with the gear button as a webmaster would): every control, French labels.
    if (!(await page.$('.block-editor-block-inspector'))) await page.click('.interface-pinned-items button[aria-label="Settings"]');
    const sidebar = await page.waitForSelector('.block-editor-block-inspector', { timeout: 30000 });
    const labels = await sidebar.evaluate((el) => [...el.querySelectorAll('label, legend, .components-panel__body-title')].map((l) => l.textContent.trim()));
    for (const label of ['Flux', 'Adresse du flux', 'Affichage', 'Présentation', 'Apparence', 'Langue de l\'annuaire', 'Fond de carte', 'Présélections', 'Soins précis']) {
      assert.ok(labels.includes(label), `« ${label} » in the sidebar: ${labels.join(' | ')}`);
    }
    const field = async (label) => {
      const id = await sidebar.evaluate((el, label) => [...el.querySelectorAll('label')].find((l) => l.textContent.trim() === label)?.htmlFor, label);
      assert.ok(id, `a field labelled « ${label} »`);
      return sidebar.$(`#${id}`);
    };
    await (await field('Adresse du flux')).type('javascript:alert(1)');
    await page.waitForFunction(() => document.querySelector('.block-editor-block-inspector .components-notice')?.textContent.includes('Adresse ignorée'), { timeout: 10000 });
    // Cleared as a webmaster would (select all, delete), then the right address. The editor re-renders
    // the controlled field through its data store after each keystroke: on a busy machine a select-all
    // may land before the last character did, or a keystroke after a stale re-render. Clear until empty,
    // type, and check what the field holds; a webmaster would see and retype a mangled address too.
    const src = await field('Adresse du flux');
    const clear = async () => {
      await src.focus();
      for (let i = 0; i < 8 && (await src.evaluate((el) => el.value)) !== ''; i++) {
        await src.evaluate((el) => el.select());
        await page.keyboard.press('Backspace');
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(await src.evaluate((el) => el.value), '', 'the field is cleared');
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      await clear();
      await src.type(urls.feed, { delay: attempt * 15 });
      await new Promise((r) => setTimeout(r, 300));
      if ((await src.evaluate((el) => el.value)) === urls.feed) break;
    }
    assert.equal(await src.evaluate((el) => el.value), urls.feed, 'the feed address as typed');
    await (await field('Présentation')).select('liste');
    await (await field('Fond de carte')).select('offline');
    await (await field('Langue de l\'annuaire')).select('en');
    // The presets panel opens on click and lists the referential's categories.
    const presets = await sidebar.evaluateHandle((el) => [...el.querySelectorAll('.components-panel__body-toggle')].find((b) => b.textContent.trim() === 'Présélections'));
    await presets.click();
    await page.waitForFunction((el) => [...el.querySelectorAll('label')].some((l) => l.textContent.trim() === 'Activité physique adaptée'), { timeout: 10000 }, sidebar);
    // The panel slides open: a mouse click computed while it moves lands on the box above or beside
    // (seen under load). Checked from the keyboard (focus, Space), as a keyboard user would, then
    // read back.
    const check = async (label) => {
      const box = await field(label);
      await box.focus();
      await page.keyboard.press('Space');
      await page.waitForFunction((el) => el.checked, { timeout: 10000 }, box)
        .catch(() => assert.fail(`« ${label} » not checked by Space`));
    };
    await check('Activité physique adaptée');
    await check('Figer les présélections');
    await page.waitForFunction(() => !document.querySelector('.block-editor-block-inspector .components-notice'), { timeout: 10000 })
      .catch(async (error) => {
        const notice = await page.evaluate(() => document.querySelector('.block-editor-block-inspector .components-notice')?.textContent);
        throw new Error(`the notice stayed: « ${notice} », field « ${await src.evaluate((el) => el.value)} »`, { cause: error });
      });
    // The block in the page sums the settings up in French.
    await page.waitForFunction(
      () => /Présélections \(figées\) : Activité physique adaptée/.test(document.querySelector('.wp-block-sos-annuaire-annuaire')?.textContent ?? ''),
      { timeout: 10000 },
    ).catch(async (error) => {
      const shown = await page.evaluate(() => document.querySelector('.wp-block-sos-annuaire-annuaire')?.textContent);
      const content = await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
      throw new Error(`the block says « ${shown} »; the page holds ${content}`, { cause: error });
    });

    const content = await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
    const saved = /^<!-- wp:sos-annuaire\/annuaire (\{.*\}) \/-->$/.exec(content);
    assert.ok(saved, `one self-closing block in the page: ${content}`);
    assert.deepEqual(JSON.parse(saved[1]), { src: urls.feed, variant: 'liste', basemap: 'offline', lang: 'en', care: 'activite-physique', lockPresets: true });

    // Publish through the editor's own data store, then read the page as a visitor would.
    await page.evaluate(() => {
      window.wp.data.dispatch('core/editor').editPost({ title: 'Annuaire (éditeur)', status: 'publish' });
      return window.wp.data.dispatch('core/editor').savePost();
    });
    const link = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPost().link);
    assert.deepEqual(log.pageErrors, [], 'page errors in the editor');
    assert.deepEqual(log.console, [], 'console errors in the editor');
    assert.deepEqual(log.outside, [], 'requests left 127.0.0.1/localhost');
    await page.close();

    const html = await (await fetch(link)).text();
    const esc = urls.feed.replaceAll('.', '\\.').replaceAll('/', '\\/');
    assert.match(html, new RegExp(`<div class="wp-block-sos-annuaire-annuaire"><sos-annuaire src="${esc}" care="activite-physique" variant="liste" lang="en" basemap="offline" lock></sos-annuaire></div>`));
    const shown = await openPage(browser, link, { allow: siteFavicon });
    const count = await waitCount(shown.page);
    assert.ok(firstNumber(count) > 0, count);
    await assertClean(assert, shown.page, shown.log);
    await shown.page.close();
  });

  // ---- Réglages › Annuaire SOS: the publisher's workbench ------------------------------------

  const settingsUrl = () => `${site}/wp-admin/options-general.php?page=sos-annuaire`;
  const bundledEditeur = () => `${site}/wp-content/plugins/sos-annuaire/editeur/index.html`;
  const EDITEUR_HEADING = 'Outil de l\'éditeur du flux (DSRC)';
  const EDITEUR_LINK = 'Ouvrir l\'atelier de l\'éditeur';
  const EDITEUR_FIELD = 'Adresse de l\'atelier de l\'éditeur (facultatif)';

  /** The workbench section of the settings page as shown: its text, its link, its field, the notices. */
  const editeurSection = (page) => page.evaluate((heading, linkText, fieldLabel) => {
    const wrap = document.querySelector('.wrap');
    const h2 = [...wrap.querySelectorAll('h2')].find((h) => h.textContent.trim() === heading);
    const link = [...wrap.querySelectorAll('a')].find((a) => a.textContent.trim() === linkText);
    const label = [...wrap.querySelectorAll('label')].find((l) => l.textContent.trim() === fieldLabel);
    const field = label && document.getElementById(label.htmlFor);
    return {
      heading: !!h2,
      text: h2?.nextElementSibling?.textContent.replace(/\s+/g, ' ').trim() ?? null,
      link: link ? link.getAttribute('href') : null,
      field: field ? { type: field.type, value: field.value, placeholder: field.placeholder } : null,
      notices: [...document.querySelectorAll('.notice, .settings-error')].map((n) => n.textContent.replace(/\s+/g, ' ').trim()),
    };
  }, EDITEUR_HEADING, EDITEUR_LINK, EDITEUR_FIELD);

  /** Types `value` into the workbench address field (cleared first, as a person would) and saves. */
  async function saveEditeurUrl(page, value) {
    const id = await page.evaluate((fieldLabel) => [...document.querySelectorAll('.wrap label')].find((l) => l.textContent.trim() === fieldLabel)?.htmlFor, EDITEUR_FIELD);
    assert.ok(id, `a field labelled « ${EDITEUR_FIELD} »`);
    await page.click(`#${id}`, { count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    if (value) await page.type(`#${id}`, value);
    await Promise.all([page.waitForNavigation({ timeout: 60000 }), page.click('.wrap #submit')]);
  }

  test('the settings page (administrators only) presents the publisher\'s workbench and links the copy bundled with the plugin, which opens and reads the feed', { timeout: 120000 }, async () => {
    // An editor (no manage_options) is refused the page.
    wpPhp(state, port, `$id = wp_insert_user(['user_login' => 'redacteur', 'user_pass' => 'Redacteur-e2e-1', 'user_email' => 'redacteur@example.invalid', 'role' => 'editor']);
      if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }`);
    const login = await fetch(`${site}/wp-login.php`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
      body: new URLSearchParams({ log: 'redacteur', pwd: 'Redacteur-e2e-1', testcookie: '1', 'wp-submit': 'Log In' }),
    });
    assert.equal(login.status, 302, 'the editor logs in');
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const asEditor = await fetch(settingsUrl(), { headers: { cookie }, redirect: 'manual' });
    assert.equal(asEditor.status, 403);
    assert.doesNotMatch(await asEditor.text(), /Outil de l&#039;éditeur|Outil de l'éditeur|atelier|editeur\/index\.html/);

    const { page, log } = await adminPage(settingsUrl());
    const section = await editeurSection(page);
    assert.ok(section.heading, `« ${EDITEUR_HEADING} » on the settings page`);
    assert.match(section.text, /l'atelier de l'éditeur est une page web qui ouvre le tableur/);
    assert.match(section.text, /vérification annuelle des structures/);
    assert.match(section.text, /Tout se passe dans le navigateur : vos fichiers ne quittent pas votre ordinateur/);
    assert.equal(section.link, bundledEditeur(), 'the link leads to the copy bundled with the plugin');
    assert.deepEqual(section.field, { type: 'url', value: '', placeholder: bundledEditeur() });
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => (await window.axe.run('.wrap', { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
    assert.deepEqual(violations, [], 'axe on the settings page');
    await assertClean(assert, page, log);

    // Followed as an administrator would: the workbench, served from the plugin's folder.
    const link = await page.evaluateHandle((text) => [...document.querySelectorAll('.wrap a')].find((a) => a.textContent.trim() === text), EDITEUR_LINK);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }), link.asElement().click()]);
    assert.equal(page.url(), bundledEditeur());
    const heading = await page.waitForSelector('h1', { visible: true, timeout: 30000 });
    assert.equal(await heading.evaluate((h) => h.textContent.trim()), 'Atelier de l’annuaire des soins oncologiques de support');
    await page.waitForFunction(() => customElements.get('sos-editeur') && document.querySelector('sos-editeur').shadowRoot?.querySelector('[role=tablist]'), { timeout: 30000 });
    // Its lazy chunks load from the subfolder: the site's feed (same origin) opens and is checked.
    await page.evaluate((u) => { document.querySelector('sos-editeur').shadowRoot.querySelector('#url').value = u; }, urls.feed);
    const opened = await page.evaluate(() => {
      const b = [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] button')].find((x) => x.textContent.trim() === 'Ouvrir le flux publié');
      b?.click();
      return !!b;
    });
    assert.ok(opened, 'the « Ouvrir le flux publié » button');
    await page.waitForFunction(() => /ouvert/.test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=status]').textContent), { timeout: 30000, polling: 100 });
    const said = await page.evaluate(() => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=status]').textContent.replace(/\s+/g, ' ').trim());
    assert.match(said, /\d+ structures/);
    assert.ok(log.requests.some((u) => /\/wp-content\/plugins\/sos-annuaire\/editeur\/assets\/editeur-[\w-]+\.js$/.test(u)), 'the workbench code came from the plugin folder');
    // « Aperçu »: the preview imports the plugin's own widget (assets/, the same build), not a copy.
    await page.evaluate(() => document.querySelector('sos-editeur').selectTab('publier', false));
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#pub-id'), { timeout: 30000 });
    const previewed = await page.evaluate(() => {
      const b = [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] button')].find((x) => x.textContent.trim() === 'Aperçu de l’annuaire');
      b?.click();
      return !!b;
    });
    assert.ok(previewed, 'the « Aperçu de l’annuaire » button');
    await page.waitForFunction(() => {
      const a = document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire');
      const count = a && window.__deepFind(a.shadowRoot, '[part="count"]');
      return count && /\d/.test(count.textContent);
    }, { timeout: 30000, polling: 100 });
    assert.match(await page.evaluate(() => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=status]').textContent), /Aperçu de l’annuaire avec ce flux : \d+ structures?\./);
    assert.ok(log.requests.some((u) => new URL(u).pathname === '/wp-content/plugins/sos-annuaire/assets/sos-annuaire.js'), 'the preview’s widget came from the plugin’s assets/');
    assert.deepEqual(log.requests.filter((u) => /\/editeur\/widget\//.test(u)), [], 'no widget copy under editeur/');
    await assertClean(assert, page, log);
    await page.close();
  });

  test('the workbench address setting: javascript: refused with a message, an https address replaces the link (escaped), empty goes back to the bundled copy; uninstalling deletes it', { timeout: 120000 }, async () => {
    const { page, log } = await adminPage(settingsUrl());
    await saveEditeurUrl(page, 'javascript:alert(1)');
    let section = await editeurSection(page);
    assert.ok(section.notices.some((n) => n.includes('Adresse de l\'atelier de l\'éditeur ignorée : elle doit commencer par https:// (ou http://)')), section.notices.join(' | '));
    assert.equal(section.field.value, '');
    assert.equal(section.link, bundledEditeur());
    assert.equal(JSON.parse(wpPhp(state, port, 'echo json_encode(get_option("sos_annuaire_editeur_url", ""));')), '', 'nothing stored');

    const hostile = 'https://dsrc.example.invalid/outil/?v="><script>window.__pwned=1</script>';
    await saveEditeurUrl(page, hostile);
    section = await editeurSection(page);
    const stored = JSON.parse(wpPhp(state, port, 'echo json_encode(get_option("sos_annuaire_editeur_url"));'));
    assert.match(stored, /^https:\/\/dsrc\.example\.invalid\/outil\/\?v=[^"<>\s]*$/, 'stored without quotes or angle brackets');
    assert.equal(section.link, stored, 'the link leads to the DSRC\'s address');
    assert.equal(section.field.value, stored);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$('.wrap script'), null);

    // An option written by other code (not through the form) is checked again before it is linked.
    const written = wpPhp(state, port, 'update_option("sos_annuaire_editeur_url", "javascript:alert(1)"); echo sos_annuaire_editeur_url();');
    assert.equal(written, bundledEditeur());

    await saveEditeurUrl(page, '');
    section = await editeurSection(page);
    assert.equal(section.link, bundledEditeur(), 'empty: the bundled copy again');
    await assertClean(assert, page, log);
    await page.close();

    const left = JSON.parse(wpPhp(state, port, `
      update_option('sos_annuaire_script_url', 'https://cdn.example.invalid/sos-annuaire.js');
      update_option('sos_annuaire_editeur_url', 'https://dsrc.example.invalid/outil/');
      define('WP_UNINSTALL_PLUGIN', 'sos-annuaire/sos-annuaire.php');
      include WP_PLUGIN_DIR . '/sos-annuaire/uninstall.php';
      echo json_encode([get_option('sos_annuaire_script_url', 'absent'), get_option('sos_annuaire_editeur_url', 'absent')]);`));
    assert.deepEqual(left, ['absent', 'absent'], 'uninstall.php deletes both options');
  });

  test('readme.txt: « Tested up to » is the WordPress tested here, « Requires at least » is the plugin header\'s', () => {
    const readme = readFileSync(join(ROOT, 'integrations/wordpress/sos-annuaire/readme.txt'), 'utf8');
    const header = readFileSync(join(ROOT, 'integrations/wordpress/sos-annuaire/sos-annuaire.php'), 'utf8');
    const version = wpPhp(state, port, 'echo $GLOBALS["wp_version"];').trim();
    assert.equal(/^Tested up to: (.+)$/m.exec(readme)?.[1], version.split('.').slice(0, 2).join('.'), `WordPress ${version} was tested`);
    assert.equal(/^Requires at least: (.+)$/m.exec(readme)?.[1], /^ \* Requires at least:\s+(.+)$/m.exec(header)?.[1]);
  });

  test('the plugin zip (npm run package:wordpress) holds the block and the workbench, and uploads under PHP\'s default limit; without a built workbench, nothing is packaged', { timeout: 60000 }, () => {
    const zip = join(ROOT, 'dist/wordpress/sos-annuaire.zip');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package-wordpress.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    assert.equal(r.status, 0, r.stderr);
    const names = zipEntries(readFileSync(zip));
    for (const file of ['sos-annuaire.php', 'readme.txt', 'uninstall.php', 'assets/sos-annuaire.js', 'block/block.json', 'block/index.js', 'block/index.asset.php', 'block/register.php', 'block/choices.json', 'editeur/index.html']) {
      assert.ok(names.includes(`sos-annuaire/${file}`), `${file} in ${names.join(', ')}`);
    }
    const workbench = [];
    const walk = (dir, rel) => { for (const e of readdirSync(dir, { withFileTypes: true })) e.isDirectory() ? walk(join(dir, e.name), `${rel}${e.name}/`) : workbench.push(`sos-annuaire/editeur/${rel}${e.name}`); };
    walk(join(ROOT, 'dist/editeur'), '');
    const ownWidget = (f) => f.startsWith('sos-annuaire/editeur/widget/');
    assert.ok(workbench.some(ownWidget), 'the standalone workbench carries its preview’s widget (dist/editeur/widget/)');
    assert.deepEqual(workbench.filter((f) => !ownWidget(f) && !names.includes(f)), [], 'every built workbench file is in editeur/');
    // Its widget is not: the preview imports the plugin's own (the same build), once in the zip.
    assert.deepEqual(names.filter((n) => n.startsWith('sos-annuaire/editeur/widget/')), [], 'no second widget under editeur/');
    const page = readFileSync(join(ROOT, 'integrations/wordpress/sos-annuaire/editeur/index.html'), 'utf8');
    const widget = /<meta name="sos-widget" content="([^"]+)"/.exec(page)?.[1];
    assert.equal(widget, '../assets/sos-annuaire.js');
    assert.ok(names.includes(new URL(widget, 'http://x/sos-annuaire/editeur/index.html').pathname.slice(1)), `the preview’s widget ${widget} is in the zip`);
    assert.ok(!names.some((n) => n.endsWith('.gitignore')));
    // Debian's default PHP (2 MB upload_max_filesize), as most small hosts: a bigger zip is refused at upload.
    const limit = Number(wpPhp(state, port, 'echo wp_max_upload_size();'));
    assert.ok(statSync(zip).size <= limit, `the zip (${statSync(zip).size} bytes) uploads on a default WordPress (${limit} bytes at most)`);

    const empty = mkdtempSync(join(tmpdir(), 'sos-no-editeur-'));
    const before = statSync(zip).mtimeMs;
    const refused = spawnSync(process.execPath, [join(ROOT, 'scripts/package-wordpress.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 50000, env: { ...process.env, SOS_WP_EDITEUR: empty } });
    rmSync(empty, { recursive: true, force: true });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /index\.html is missing: the plugin ships the publisher's workbench\. Run `npm run build`/);
    assert.equal(statSync(zip).mtimeMs, before, 'the zip is left as it was');
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
