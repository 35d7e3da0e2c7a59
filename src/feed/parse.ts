/** From the bytes of a feed to a validated feed, or a FeedLoadError. Shared by the loader and the CLI. */
import { bodyStart, FeedLoadError } from './errors.js';
import { mark } from './marks.js';
import { DetailNeeded, hasValidationDetail, validateFeed, type ValidateOptions, type ValidationResult } from './validate.js';

export type ParsedFeed = Extract<ValidationResult, { ok: true }>;

/**
 * Parses and validates feed text; throws FeedLoadError('not-json' | 'format' | 'envelope').
 * Synchronous: a feed with an invalid record needs validate-detail.js registered (the CLI and
 * the tests import it); in the browser, use parseFeed, which loads it only when needed.
 */
export function parseFeedText(text: string, source: string, options?: ValidateOptions): ParsedFeed {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 BOM
  let doc: unknown;
  try {
    doc = JSON.parse(body);
    mark('sos:parsed');
  } catch (e) {
    throw new FeedLoadError('not-json', source,
      `${source} ne contient pas du JSON valide (${(e as Error).message}). Début du contenu reçu : « ${bodyStart(body)} ». Vérifiez l'adresse du flux : une page d'erreur HTML est souvent en cause.`);
  }
  const result = validateFeed(doc, { ...options, inPlace: true });
  mark('sos:validated');
  if (!result.ok) {
    throw new FeedLoadError(result.kind, source, `${source} : ${result.message}`);
  }
  return result;
}

/** parseFeedText that loads the detailed (zod) validator only for a feed that needs it. */
export async function parseFeed(text: string, source: string, options?: ValidateOptions): Promise<ParsedFeed> {
  try {
    return parseFeedText(text, source, options);
  } catch (e) {
    if (!(e instanceof DetailNeeded) || hasValidationDetail()) throw e;
  }
  await import('./validate-detail.js');
  // From the text again: the first pass cleaned and extended the parsed document in place.
  return parseFeedText(text, source, options);
}
