import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Simplified outlines of the 101 départements, for the offline fallback map style. Generated. */
declare const departements: FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;
export default departements;
