/**
 * The public feed, as partner sites will read it: only the feed's own fields (private columns and
 * anything unknown stripped, by the widget's validator), structures unverified for more than 14
 * months left out unless kept on purpose (FEED-SPEC « Freshness rule »), and a guard against the
 * accident that empties every partner site's directory: a feed with no structure, or with fewer
 * than half of those of the feed it replaces, is refused unless forced.
 */
import { freshness } from '../feed/freshness.js';
import type { Feed, FeedStructure } from '../feed/schema.js';
import { detail } from '../feed/validate-detail.js';
import { validateFeed } from '../feed/validate.js';

export interface PublishOptions {
  /** Default: now. */
  today?: Date;
  /** Structures kept even past 14 months without verification (ids), or all of them. */
  keep?: readonly string[] | 'all';
  /** How many structures the feed replaces (the published one, or the spreadsheet's), for the guard. */
  compareWith?: number;
  /** Publish even what the guard refuses (an explicit confirmation). */
  force?: boolean;
}

export type Guard =
  | { ok: true }
  | { ok: false; reason: 'empty' | 'halved'; message: string };

export interface PublicFeed {
  feed: Feed;
  /** Structures left out for being over 14 months old. */
  leftOut: { id: string; name: string; verifiedAt: string }[];
  /** Structures over 14 months kept on purpose. */
  keptStale: { id: string; name: string; verifiedAt: string }[];
  guard: Guard;
}

/** Whether `kept` structures may replace `reference` ones: never none (even forced), never fewer than half unless forced. */
export function publishGuard(kept: number, reference: number | undefined, force = false): Guard {
  if (kept === 0) {
    return { ok: false, reason: 'empty', message: 'aucune structure à publier : les sites partenaires afficheraient un annuaire vide' };
  }
  if (!force && reference !== undefined && kept < reference / 2) {
    return { ok: false, reason: 'halved', message: `${kept} structure${kept > 1 ? 's' : ''} sur ${reference} : moins de la moitié. Les autres disparaîtraient de tous les sites partenaires ; confirmez explicitement pour publier quand même` };
  }
  return { ok: true };
}

/** The feed's structures as written (the reader's derived fields removed). */
function written(structures: readonly FeedStructure[], source: readonly unknown[]): FeedStructure[] {
  const hadDepartment = new Set(source.filter((s): s is { id: string; department: unknown } => !!s && typeof s === 'object' && 'department' in s).map((s) => s.id));
  return structures.map((s) => {
    const { key: _k, publisherId: _p, department, ...rest } = s as FeedStructure & { key?: string; publisherId?: string };
    return (hadDepartment.has(s.id) && department !== undefined ? { ...rest, department } : rest) as FeedStructure;
  });
}

/** The public feed made from `feed` (see the module). An empty result is refused even when forced. */
export function publicFeed(feed: Feed, options: PublishOptions = {}): PublicFeed {
  const today = options.today ?? new Date();
  const result = validateFeed(feed, { now: today, maxDiagnostics: 0, detail });
  if (!result.ok) throw new Error(`publicFeed: ${result.message}`);
  const keep = options.keep === 'all' ? undefined : new Set(options.keep ?? []);
  const leftOut: PublicFeed['leftOut'] = [];
  const keptStale: PublicFeed['keptStale'] = [];
  const structures = written(result.feed.structures, feed.structures).filter((s) => {
    if (freshness(s.verifiedAt, today) !== 'remove') return true;
    const entry = { id: s.id, name: s.name, verifiedAt: s.verifiedAt };
    if (!keep || keep.has(s.id)) {
      keptStale.push(entry);
      return true;
    }
    leftOut.push(entry);
    return false;
  });
  const out: Feed = { format: result.feed.format, publisher: result.feed.publisher, generatedAt: result.feed.generatedAt, structures };
  const guard = publishGuard(structures.length, options.compareWith, options.force);
  return { feed: out, leftOut, keptStale, guard };
}
