/**
 * Reading a feed as it downloads must give exactly what reading the whole text gives: the same
 * structures, diagnostics and counts, or the same error, however the bytes are cut into chunks.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedLoadError } from './errors.js';
import { parseFeedText } from './parse.js';
import { StructureSplitter } from './split.js';
import { readFeedStream } from './stream.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';

const NOW = new Date('2026-11-22T12:00:00Z');

/** The text as a byte stream cut at `cuts` (byte offsets, possibly inside a multi-byte character). */
function streamOf(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) pieces.push(bytes.slice(from, p));
    from = Math.max(from, p);
  }
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

type Outcome = { ok: string } | { error: string };

function outcomeOf(read: () => { feed: unknown; diagnostics: unknown; counts: unknown }): Outcome {
  try {
    const r = read();
    return { ok: JSON.stringify([r.feed, r.diagnostics, r.counts]) };
  } catch (e) {
    if (e instanceof FeedLoadError) return { error: `${e.kind} ${e.detail}` };
    throw e;
  }
}

async function streamed(text: string, cuts: number[]): Promise<Outcome> {
  try {
    const r = await readFeedStream(streamOf(text, cuts), { now: NOW });
    return outcomeOf(() => r.parsed ?? parseFeedText(r.text(), 'flux.json', { now: NOW }));
  } catch (e) {
    if (e instanceof FeedLoadError) return { error: `${e.kind} ${e.detail}` };
    throw e;
  }
}

const whole = (text: string) => outcomeOf(() => parseFeedText(text, 'flux.json', { now: NOW }));

/** Texts that make a scanner stumble: quotes, backslashes, brackets, commas, accents, emoji. */
const tricky = fc.constantFrom('a "quoted" {word}', 'back\\slash\\', 'ends with \\', '[1, 2], {"x": 3}', 'é – ’ 😀', '},{"id":"fake"}', '', ' ', '\u202e', 'x'.repeat(5000));

const aStructure = fc.record({
  id: fc.oneof(fc.constantFrom('a', 'b', 'dup'), fc.string({ maxLength: 6 })),
  name: fc.oneof(tricky, fc.string()),
  description: fc.option(tricky, { nil: undefined }),
  bad: fc.boolean(),
  care: fc.constantFrom('douleur', 'nutrition', 'homeopathie'),
  extra: fc.option(fc.jsonValue(), { nil: undefined }),
}).map(({ id, name, description, bad, care, extra }) => {
  const s = structure({ id, name, description, offers: [offer({ id: `${id}-1`, care: care as never, label: name.slice(0, 50) || undefined }), offer({ id: `${id}-2` })] }) as Record<string, unknown>;
  if (bad) s.verifiedAt = 'hier';
  if (extra !== undefined) s.extra = extra;
  return s;
});

/** A whole document: structures, odd entries, root keys in any order, any indentation. */
const aDocument = fc.record({
  structures: fc.array(fc.oneof({ weight: 6, arbitrary: aStructure }, { weight: 1, arbitrary: fc.jsonValue() }), { maxLength: 8 }),
  structuresFirst: fc.boolean(),
  rootExtra: fc.option(fc.record({ structures: fc.array(fc.string(), { maxLength: 2 }), note: tricky }), { nil: undefined }),
  indent: fc.constantFrom(0, 2, '\t'),
  publisherName: fc.oneof(fc.constant('DSRC de test (fictif)'), tricky),
}).map(({ structures, structuresFirst, rootExtra, indent, publisherName }) => {
  const { structures: list, ...envelope } = feed(structures, { publisher: { id: 'test-dsrc', name: publisherName } });
  const doc = structuresFirst ? { structures: list, ...envelope } : { ...envelope, structures: list, ...(rootExtra ? { annexe: rootExtra } : {}) };
  return JSON.stringify(doc, null, indent);
});

/** Edits of a document's text: most break it as JSON, some only rename or duplicate a key. */
const anEdit = fc.oneof(
  fc.constant((t: string) => t),
  fc.constant((t: string) => `\ufeff${t}`),
  fc.constant((t: string) => t.replace('"structures"', '"struct\\u0075res"')),
  fc.constant((t: string) => t.replace(/}\s*,\s*{/, '} {')), // a missing comma
  fc.constant((t: string) => t.replace(/}(\s*)]/, '},$1]')), // a trailing comma in a structure
  fc.constant((t: string) => t.replace(/}(\s*)](?![\s\S]*}\s*])/, '},$1]')), // … or after the last structure
  fc.constant((t: string) => t.replace(/^{/, '{"structures": null, ')), // two "structures" keys
  fc.constant((t: string) => t.replace(/^{/, '{"structures": [{"id": "first"}], ')), // two lists: the last one counts
  fc.constant((t: string) => `${t} {}`), // a second document
  fc.constant((t: string) => '<!doctype html><h1>Erreur 500</h1>'),
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))), // cut short
);

describe('readFeedStream', () => {
  it('gives what reading the whole text gives, however the bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(aDocument, anEdit, fc.array(fc.nat(), { maxLength: 12 }), async (doc, edit, cuts) => {
        const text = edit(doc);
        expect(await streamed(text, cuts)).to.deep.equal(whole(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a large feed structure by structure (the fast path, not the whole-text fallback)', async () => {
    const structures = Array.from({ length: 300 }, (_, i) => structure({ id: `s${i}`, name: `Structure « ${i} » {x} "{\\` }));
    const text = JSON.stringify(feed(structures));
    const seen: number[] = [];
    const splitter = new StructureSplitter((t, i) => seen.push(i));
    for (let at = 0; at < text.length; at += 1000) splitter.push(text.slice(at, at + 1000));
    expect(seen).to.have.length(300);
    expect(JSON.parse(splitter.end()!)).to.deep.equal(feed([]));
    const { parsed } = await readFeedStream(streamOf(text, [1000, 5000, 20000]), { now: NOW });
    expect(parsed, 'read as it arrived').not.to.equal(undefined);
    expect(parsed!.counts.structures.valid).to.equal(300);
    expect(parsed!.feed.structures[299]!.key).to.equal('test-dsrc:s299');
  });

  it('hands each structure its own text, strings with brackets and quotes included', () => {
    const texts: string[] = [];
    const splitter = new StructureSplitter((t) => texts.push(t));
    const doc = '{"publisher":{"structures":[1]},"structures":[ {"id":"a","name":"}],[{\\"\\\\"} , 42 ,"s",[1,[2]] ],"z":0}';
    for (const ch of doc) splitter.push(ch); // one character at a time
    expect(texts.map((t) => JSON.parse(t))).to.deep.equal([{ id: 'a', name: '}],[{"\\' }, 42, 's', [1, [2]]]);
    expect(JSON.parse(splitter.end()!)).to.deep.equal({ publisher: { structures: [1] }, structures: [], z: 0 });
  });
});
