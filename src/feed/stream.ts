/**
 * Reads a feed while it downloads. Parsed and validated in one go after its last byte, a national
 * feed (10,000 structures, 15 MB of JSON) keeps the page busy for ≈ 400 ms, and on a real network
 * the page idles during the whole download before that. Here each structure is parsed and
 * validated as soon as its text has arrived (split.ts), in the pauses between network chunks:
 * after the last byte, only the envelope is left to read.
 *
 * Same result as parseFeed(whole text), diagnostics included (property-tested). Whatever the fast
 * path is not sure about (not a `{… "structures": […]}` object, a syntax error, a record that needs
 * the detailed validator) is left to the caller, to read the whole text the ordinary way, which
 * also words the errors.
 */
import type { ParsedFeed } from './parse.js';
import { FeedLoadError } from './errors.js';
import { StructureSplitter } from './split.js';
import { checkFeedEnvelope, Collector, joinDiagnostics, RecordValidator, type ValidFeed, type ValidateOptions } from './validate.js';

// The loading phases' marks (marks.ts), written here to keep this chunk free of shared imports.
const mark = (name: string) => globalThis.performance?.mark?.(name);

export interface StreamedFeed {
  /** Undefined when the fast path gave up, or the feed is refused: read `text()` the ordinary way (parseFeed), which words why. */
  parsed: ParsedFeed | undefined;
  /** The whole text (joined on first call: the last good copy needs it, the first render does not). */
  text(): string;
}

/** A feed larger than this, once inflated, is refused (a gzip bomb stops here, not in memory). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/**
 * Reads `body` (`url` for messages) up to `maxBytes` inflated bytes; over that, the download is
 * cancelled and a FeedLoadError `too-large` says the size.
 */
export async function readFeedStream(body: ReadableStream<Uint8Array>, options: ValidateOptions = {}, url = 'flux', maxBytes = DEFAULT_MAX_BYTES): Promise<StreamedFeed> {
  const reader = body.getReader();
  const decoder = new TextDecoder(); // UTF-8, drops a BOM, like Response.text()
  const chunks: string[] = [];
  const records = new RecordValidator(options);
  const splitter = new StructureSplitter(
    (text, index) => {
      try {
        records.add(JSON.parse(text), index);
      } catch {
        splitter.fail(); // a syntax error, or a record for zod: the whole text will tell
      }
    },
    (index, size) => records.oversize(index, size),
  );
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel();
      throw new FeedLoadError('too-large', url, `${url} dépasse ${mb(maxBytes)} Mo une fois décompressé (lecture arrêtée à ${mb(bytes)} Mo) : fichier trop gros pour un annuaire, ou erreur du serveur. La limite se règle avec l'attribut max-size (en Mo).`);
    }
    const s = decoder.decode(value, { stream: true });
    // Kept whole (within maxBytes): read the ordinary way when the scanner gives up.
    chunks.push(s);
    splitter.push(s);
    if (splitter.envelopeTooLarge) {
      void reader.cancel();
      throw new FeedLoadError('envelope', url, `${url} : l'enveloppe du flux (tout sauf la liste des structures) dépasse 1 Mo : fichier refusé.`);
    }
  }
  const last = decoder.decode();
  if (last) {
    chunks.push(last);
    splitter.push(last);
  }
  mark('sos:fetched');
  const text = () => {
    if (chunks.length > 1) chunks.splice(0, chunks.length, chunks.join(''));
    return chunks[0] ?? '';
  };
  return { parsed: finish(splitter, records), text };
}

/** The feed from the streamed structures and the envelope, or undefined to read the whole text instead. */
function finish(splitter: StructureSplitter, records: RecordValidator): ParsedFeed | undefined {
  const envelopeText = splitter.end();
  if (envelopeText === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(envelopeText);
  } catch {
    return undefined;
  }
  mark('sos:parsed');
  const envelopeDiags = new Collector(Number.POSITIVE_INFINITY);
  let envelope: ReturnType<typeof checkFeedEnvelope>;
  try {
    envelope = checkFeedEnvelope(doc, envelopeDiags);
  } catch {
    return undefined; // the envelope needs the detailed validator
  }
  if (!envelope.ok) return undefined; // refused: parseFeed says why, in the usual words
  // The list was not where the splitter looked (it would be empty here): read it the ordinary way.
  if ((doc as { structures: unknown[] }).structures.length > 0) return undefined;
  const { structures, counts } = records.finish(envelope.publisher.id);
  mark('sos:validated');
  return {
    ok: true,
    feed: { format: (doc as ValidFeed).format, publisher: envelope.publisher, generatedAt: envelope.generatedAt, structures },
    diagnostics: joinDiagnostics(envelopeDiags, records.diags),
    counts,
  };
}
