/**
 * @deprecated Renamed src/feed/location.ts (this name was confused with the src/geo/ folder).
 * Kept only until src/components/sos-map/radius-circle.test.ts imports from './location.js'; then delete.
 */
export { distanceKm } from './location.js';
