// End-to-end: setup mistakes a webmaster makes with the BUILT widget (issue 15, point 3), on a
// partner page (origin A) with the widget on origin B. Run `npm run build` first. Nothing leaves
// 127.0.0.1/localhost (see harness.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { firstNumber, launchBrowser, openPage, requireBuild, startServers, waitCount, DEMO_FEED } from './harness.mjs';
import { readFileSync } from 'node:fs';

/** A third origin serving the demo feed WITHOUT Access-Control-Allow-Origin (a DSRC server left as installed). */
async function startFeedWithoutCors() {
  const body = readFileSync(DEMO_FEED);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }) };
}

const page = (body) => `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Page d'un partenaire</title></head>\n<body>\n<h1>Soins de support</h1>\n${body}\n</body>\n</html>\n`;

let servers;
let browser;
let noCors;

before(async () => {
  requireBuild();
  noCors = await startFeedWithoutCors();
  servers = await startServers({
    extraPages: {
      'setup-cors': page(`<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="${noCors.origin}/annuaire-sos.json" variant="liste"></sos-annuaire>`),
      'setup-no-src': page('<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire variant="liste"></sos-annuaire>'),
      // With the README's fallback link between the tags: replaced once the widget starts.
      'setup-preset': page('<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="liste" care="kine"><a href="{{A}}/annuaire">Annuaire des soins de support</a></sos-annuaire>'),
      // The README snippet without type="module" (an editor that drops the attribute).
      'setup-classic': page('<script src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="liste"><a href="{{A}}/annuaire">Annuaire des soins de support</a></sos-annuaire>'),
      // Values a webmaster may guess: each unknown one said, the directory shown with the defaults.
      'setup-values': page('<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="grille" theme="sombre" lang="de" basemap="offline"></sos-annuaire>'),
      'setup-empty-src': page('<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="" variant="liste"></sos-annuaire>'),
      'setup-classic-twice': page('<script src="{{B}}/cdn/sos-annuaire.js"></script>\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="liste"></sos-annuaire>\n<script src="{{B}}/cdn/sos-annuaire.js"></script>'),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
  await noCors?.close();
});

/** The text of the setup notice of the first <sos-annuaire> ('' while there is none). */
const notice = (p) => p.evaluate(() => document.querySelector('sos-annuaire')?.shadowRoot?.querySelector('.setup-notice')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

async function waitNotice(p, text, timeout = 15000) {
  await p.waitForFunction((text) => document.querySelector('sos-annuaire')?.shadowRoot?.querySelector('.setup-notice')?.textContent?.includes(text), { polling: 100, timeout }, text)
    .catch(async () => assert.fail(`the notice never said « ${text} » (it says « ${await notice(p)} »)`));
  return notice(p);
}

describe('setup mistakes with the built widget', () => {
  test('a feed server without Access-Control-Allow-Origin: the notice and the console name the header and the README section', async () => {
    const feed = `${noCors.origin}/annuaire-sos.json`;
    const { page: p, log } = await openPage(browser, `${servers.A}/setup-cors`);
    const text = await waitNotice(p, 'Access-Control-Allow-Origin: *');
    assert.match(text, /^Configuration de l'annuaire, à corriger par le responsable du site :/);
    assert.ok(text.includes(`le serveur du flux ${feed} n'autorise pas cette page à le lire : ajoutez l'en-tête Access-Control-Allow-Origin: * à ses réponses (le flux est public). Voir le README, section « CORS : ce que doivent envoyer les serveurs ».`), text);
    const cors = log.console.filter((m) => m.includes("n'autorise pas cette page"));
    assert.equal(cors.length, 1, log.console.join('\n'));
    assert.ok(cors[0].startsWith(`[sos-annuaire] ${feed} : le serveur du flux n'autorise pas cette page (${servers.A}) à le lire.`), cors[0]);
    assert.ok(cors[0].includes('README.md#cors--ce-que-doivent-envoyer-les-serveurs'), cors[0]);
    // The visitors' banner stays the calm one of a network failure.
    const banner = await p.evaluate(() => document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-results-list').shadowRoot.querySelector('.notice.error p')?.textContent);
    assert.equal(banner, "L'annuaire est momentanément inaccessible.");
    assert.deepEqual(log.pageErrors, []);
    await p.close();
  });

  // An empty field in a CMS (src="") is told as no src at all.
  for (const [what, path] of [['no src', '/setup-no-src'], ['src="" (an empty field in a CMS)', '/setup-empty-src']]) {
    test(`${what}: a notice says what to add (no endless « Chargement de l'annuaire… »), and the console says it`, async () => {
      const { page: p, log } = await openPage(browser, `${servers.A}${path}`);
      const text = await waitNotice(p, "l'adresse du flux manque");
      assert.ok(text.includes("ajoutez à <sos-annuaire> l'attribut src avec l'adresse du fichier publié par votre DSRC"), text);
      assert.equal(await p.evaluate(() => document.querySelector('sos-annuaire').shadowRoot.querySelector('[part="layout"]').hidden), true);
      assert.deepEqual(log.console.map((m) => m.replace(/ @ .*$/, '')), [
        "[sos-annuaire] <sos-annuaire> : l'adresse du flux manque : ajoutez à <sos-annuaire> l'attribut src avec l'adresse du fichier publié par votre DSRC (src=\"https://…/annuaire-sos.json\").",
      ]);
      assert.deepEqual(log.pageErrors, []);
      await p.close();
    });
  }

  test('an unknown preset code: the directory works (nothing matches that code), the notice and a console warning give the possible codes', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/setup-preset`);
    // The directory works; a code it does not know matches nothing.
    assert.match(await waitCount(p, 'sos-annuaire', (t) => /\d|aucun/i.test(t)), /^Aucun/);
    const text = await waitNotice(p, 'care="kine" : code inconnu « kine », codes possibles : douleur, nutrition');
    const fallback = await p.evaluate(() => document.querySelector('sos-annuaire > a').getClientRects().length);
    assert.equal(fallback, 0, 'the fallback link is not shown once the widget runs');
    assert.ok(text.includes('Vouliez-vous dire subcare="kinesitherapie"'), text);
    assert.ok(log.warnings.some((w) => w.startsWith('[sos-annuaire] <sos-annuaire> : care="kine" : code inconnu')), log.warnings.join('\n'));
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
    await p.close();
  });

  test('an unknown variant, theme and lang: the directory shows with the defaults, in French; one notice line and one console warning each, with the possible values', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/setup-values`);
    assert.ok(firstNumber(await waitCount(p)) > 100, "the demo feed is listed");
    await waitNotice(p, 'lang="de" : langue inconnue');
    const lines = await p.evaluate(() => [...document.querySelector('sos-annuaire').shadowRoot.querySelectorAll('.setup-notice li')].map((li) => li.textContent.trim()));
    assert.deepEqual(lines, [
      'variant="grille" : valeur inconnue, valeurs possibles : complet, liste, carte.',
      "theme=\"sombre\" : valeur inconnue, valeur possible : dsfr (sans theme, l'apparence par défaut, utilisée en attendant).",
      'lang="de" : langue inconnue, langues possibles : fr, en (l\'annuaire est affiché en français).',
    ]);
    assert.deepEqual(log.warnings.filter((w) => w.startsWith('[sos-annuaire]')), lines.map((line) => `[sos-annuaire] <sos-annuaire> : ${line}`));
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
    await p.close();
  });

  test('the script without type="module": the directory starts all the same; the notice and the console advise type="module", once', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/setup-classic`);
    const count = await waitCount(p);
    assert.ok(firstNumber(count) > 100, `demo feed count: ${count}`);
    const fallback = await p.evaluate(() => document.querySelector('sos-annuaire > a').getClientRects().length);
    assert.equal(fallback, 0, 'the fallback link is replaced by the directory');
    const advice = log.warnings.filter((w) => w.includes('type="module"'));
    assert.deepEqual(advice, [
      '[sos-annuaire] la balise <script> de l\'annuaire n\'a pas type="module" : l\'annuaire fonctionne, mais ajoutez type="module" (<script type="module" src="…/sos-annuaire.js">) : le script est alors chargé en différé, sans bloquer l\'affichage de la page.',
    ]);
    // In the page too, once the setup check ran (the page is idle), and nothing else to say.
    const text = await waitNotice(p, 'type="module"');
    assert.equal(text.replace(/ :\s*la balise/, ' : la balise'), 'Configuration de l\'annuaire, à corriger par le responsable du site : la balise <script> de l\'annuaire n\'a pas type="module" : l\'annuaire fonctionne, mais ajoutez-le (<script type="module" src="…/sos-annuaire.js">) pour que la page s\'affiche sans attendre le script.');
    assert.equal(await p.evaluate(() => document.querySelector('sos-annuaire').shadowRoot.querySelector('[part="layout"]').hidden), false, 'the directory stays shown');
    assert.deepEqual(log.warnings.filter((w) => w.includes('[sos-annuaire]')), advice);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.console, []);
    await p.close();
  });

  test('two classic tags (a theme and an extension): one directory, one advice', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/setup-classic-twice`);
    await waitCount(p);
    await p.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
    assert.equal(log.warnings.filter((w) => w.includes('type="module"')).length, 1, log.warnings.join('\n'));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.console, []);
    await p.close();
  });

  test('all right: the README snippet shape gives no notice and no setup message', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/list-only`);
    await waitCount(p);
    // The setup check runs when the page is idle: wait for it, then nothing must be shown.
    await p.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
    assert.ok(log.requests.some((u) => /\/cdn\/chunks\/setup-check-/.test(u)), 'the setup check ran');
    assert.ok(!log.requests.some((u) => /\/cdn\/chunks\/setup-notice-/.test(u)), 'no message code loaded on a right page');
    assert.equal(await notice(p), '');
    assert.deepEqual(log.warnings.filter((w) => w.includes('[sos-annuaire]')), []);
    assert.deepEqual(log.console, []);
    await p.close();
  });
});
