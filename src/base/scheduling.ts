/** The timing helpers live in src/util/scheduling.ts (the feed and state layers use them too); re-exported for the elements. */
export { afterNextPaint, deferred, whenIdle, type Deferred } from '../util/scheduling.js';
