/** What a click on the map does, kept apart from MapLibre so it can be tested with fakes. */
import type { LngLatTuple } from './map-view-api.js';

/** The part of MapLibre's GeoJSONSource used here (v6: the expansion zoom is a Promise). */
export interface ClusterSource {
  getClusterExpansionZoom(clusterId: number): Promise<number>;
}

export interface Camera {
  easeTo(options: { center: LngLatTuple; zoom: number; duration: number }): unknown;
}

/** Clicking a cluster eases (or jumps, `duration` 0) to the zoom where it breaks apart. */
export async function zoomIntoCluster(source: ClusterSource, camera: Camera, clusterId: number, center: LngLatTuple, duration: number): Promise<number> {
  const zoom = await source.getClusterExpansionZoom(clusterId);
  camera.easeTo({ center, zoom, duration });
  return zoom;
}

/** First click on a point selects it (the list scrolls to it); a click on the selected one opens its card. */
export function pointClickAction(selectedKey: string | undefined, key: string): 'select' | 'open' {
  return key === selectedKey ? 'open' : 'select';
}
