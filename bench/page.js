// Runs inside the bench page: drives the built widget and measures. Called by bench/run.mjs.
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

function parts() {
  const annuaire = document.getElementById('a');
  const form = annuaire.shadowRoot.querySelector('sos-search-form');
  const list = annuaire.shadowRoot.querySelector('sos-results-list');
  return { annuaire, form, list, input: form.shadowRoot.querySelector('input[type=search]'), count: () => list.shadowRoot.querySelector('.count')?.textContent ?? '' };
}

/**
 * fetch-to-first-results: from setting `src` to the first results in the list, the download
 * included (over loopback, gzipped, as a real server sends it): the widget reads a large feed while
 * it downloads, so parse and validate time cannot be told apart from download time. Also
 * returned: what is left after the last byte (`sos:fetched`), by phase.
 */
window.benchLoad = async (feedUrl) => {
  await customElements.whenDefined('sos-annuaire');
  const { annuaire, list } = parts();
  // The moment the first results are in the list's DOM (a mutation callback runs right after Lit
  // commits them; the browser paints them at its next frame). Work the widget defers until after
  // that paint (the form's per-option counts) is not counted.
  let t1 = NaN;
  const listed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!list.shadowRoot.querySelector('.result')) return;
      t1 = performance.now();
      observer.disconnect();
      resolve();
    });
    observer.observe(list.shadowRoot, { childList: true, subtree: true });
  });
  const t0 = performance.now();
  annuaire.setAttribute('src', feedUrl);
  await listed;
  // Phases from the widget's performance marks (the last of each name).
  const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
  const points = [['parse', 'sos:fetched', 'sos:parsed'], ['validate', 'sos:parsed', 'sos:validated'],
    ['index', 'sos:validated', 'sos:indexed'], ['search', 'sos:indexed', 'sos:searched']];
  const phases = Object.fromEntries(points.map(([k, a, b]) => [k, at(b) - at(a)]));
  phases.render = t1 - at('sos:searched');
  await annuaire.store.prepareText();
  const textIndex = at('sos:text-indexed') - at('sos:text-start');
  return {
    ms: t1 - t0, afterLastByte: t1 - at('sos:fetched'), textIndex,
    phases, structures: annuaire.store.structures.length, offers: annuaire.store.index.rowCount,
  };
};

/**
 * The floor of a load: the same feed fetched and given to JSON.parse, nothing else, in a fresh
 * page as the widget's is (a first big parse in a page costs more than a later one: the heap is
 * still small). A widget reading the whole text cannot go below it; it also shows how fast the
 * machine was during the run.
 */
window.benchFloorLoad = async (feedUrl) => {
  const t0 = performance.now();
  JSON.parse(await (await fetch(feedUrl)).text());
  return performance.now() - t0;
};

/**
 * One action of the script, timed from the input event to the view settled: the list and its
 * count updated, and the form's per-option counts too (the form renders them after the list).
 * Chunks the search asked for (typo tolerance, the commune index) are awaited before the next
 * action, outside the timing.
 */
async function timed(action) {
  const { list, form, annuaire } = parts();
  const t0 = performance.now();
  action();
  await new Promise((r) => setTimeout(r, 0));
  await list.updateComplete;
  const t1 = performance.now();
  await form.updateComplete;
  const t2 = performance.now();
  await annuaire.store.settled;
  await frame();
  return { list: t1 - t0, ms: t2 - t0 };
}

function typeInto(input, text) {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.slice(-1), inputType: 'insertText' }));
}

/** The fixed query script: typing (char by char), synonyms, typos, filters, proximity. */
window.benchQueries = async (typing) => {
  const { annuaire, input } = parts();
  const store = annuaire.store;
  // The text index is built when the page is idle after the first results (a visitor types later).
  await store.prepareText();
  // Likewise the opening-hours chunk (the synthetic feed has hours on every structure): each
  // result then shows today's line, and « Ouvert aujourd'hui » is among the filters below.
  await store.prepareHours();
  const samples = [];
  const words = typing;
  for (const word of words) {
    for (let i = 1; i <= word.length; i++) samples.push({ kind: 'keystroke', ...(await timed(() => typeInto(input, word.slice(0, i)))) });
    samples.push({ kind: 'keystroke', ...(await timed(() => typeInto(input, ''))) });
  }
  // The same words with the "Soin de support" group open: its per-option counts are shown, so
  // every keystroke also counts the structures of each option.
  const { form } = parts();
  const group = form.shadowRoot.querySelector('details[data-filter="care"]');
  const opened = new Promise((r) => group.addEventListener('toggle', r, { once: true }));
  group.querySelector('summary').click();
  await opened;
  await form.updateComplete;
  for (const word of words.slice(0, 6)) {
    for (let i = 1; i <= word.length; i++) samples.push({ kind: 'keystroke-open', ...(await timed(() => typeInto(input, word.slice(0, i)))) });
    samples.push({ kind: 'keystroke-open', ...(await timed(() => typeInto(input, ''))) });
  }
  group.querySelector('summary').click();
  for (const care of ['activite-physique', 'psychologie', 'nutrition']) {
    samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('care', [care]))) });
    samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('audience', ['proche-aidant']))) });
    samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('audience', []))) });
  }
  samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('care', []))) });
  samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('opening', ['today']))) });
  samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('care', ['psychologie']))) });
  samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('care', []))) });
  samples.push({ kind: 'filter', ...(await timed(() => store.setFilter('opening', []))) });
  const places = [{ lat: 44.837, lon: -0.579, d: '33', r: '75' }, { lat: 48.857, lon: 2.352, d: '75', r: '11' }, { lat: 43.296, lon: 5.37, d: '13', r: '93' }];
  for (const p of places) {
    samples.push({ kind: 'proximity', ...(await timed(() => store.setNear({ label: 'test', point: { lat: p.lat, lon: p.lon }, radiusKm: 20, department: p.d, region: p.r }))) });
    for (const km of [5, 10, 50]) samples.push({ kind: 'proximity', ...(await timed(() => store.setRadius(km))) });
  }
  store.setNear(undefined);
  return samples;
};

/** The floor: the same text queries as a bare loop over the same records, no UI. */
window.benchFloor = (typing) => {
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const store = parts().annuaire.store;
  const rows = [];
  for (const s of store.structures) {
    const base = fold(`${s.name} ${s.address.city}`);
    for (const o of s.offers) rows.push(`${base} ${fold(`${o.care} ${(o.subcares ?? []).join(' ')} ${o.label ?? ''}`)}`);
  }
  const samples = [];
  for (const word of typing) {
    for (let i = 1; i <= word.length; i++) {
      const q = fold(word.slice(0, i));
      const t0 = performance.now();
      let n = 0;
      for (let r = 0; r < rows.length; r++) if (rows[r].includes(q)) n++;
      samples.push(performance.now() - t0 + n * 0);
    }
  }
  return samples;
};

/** Map: from the map element made visible to its first clustered render (`ready`). */
window.benchMap = async () => {
  const { annuaire } = parts();
  annuaire.setAttribute('variant', 'complet');
  await annuaire.updateComplete;
  const map = annuaire.shadowRoot.querySelector('sos-map');
  const t0 = performance.now();
  map.scrollIntoView();
  await map.ready;
  const ms = performance.now() - t0;
  const clusters = map.map.queryRenderedFeatures({ layers: ['sos-clusters'] }).length;
  return { ms, clusters, basemap: map.basemapInUse };
};
