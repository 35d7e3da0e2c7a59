/** What a click on the map does, kept apart from MapLibre so it can be tested with fakes. */
import type { LngLatTuple } from './map-view-api.js';

/** The part of MapLibre's GeoJSONSource used here (v6: the expansion zoom is a Promise). */
export interface ClusterSource {
  getClusterExpansionZoom(clusterId: number): Promise<number>;
}

export interface Camera {
  easeTo(options: { center: LngLatTuple; zoom: number; duration: number }): unknown;
  getZoom(): number;
  getMaxZoom(): number;
}

/**
 * Clicking a cluster eases (or jumps, `duration` 0) to the zoom where it breaks apart. Every
 * click zooms in: should the source give a zoom that is not closer than the current one, the
 * camera goes one level closer instead. At the map's closest zoom nothing happens (returns
 * undefined), so no click can start a loop. (Structures at one position are one feature, never a
 * cluster, and clusters stop at `clusterMaxZoom`: a cluster always breaks apart further in.)
 */
export async function zoomIntoCluster(source: ClusterSource, camera: Camera, clusterId: number, center: LngLatTuple, duration: number): Promise<number | undefined> {
  const expansion = await source.getClusterExpansionZoom(clusterId);
  const current = camera.getZoom();
  const max = camera.getMaxZoom();
  if (current >= max) return undefined;
  const zoom = Math.min(expansion > current ? expansion : current + 1, max);
  camera.easeTo({ center, zoom, duration });
  return zoom;
}

/**
 * A click on a point: one holding several structures lists them; otherwise the first click
 * selects it (the list scrolls to it), a click on the selected one opens its card.
 */
export function pointClickAction(selectedKey: string | undefined, key: string, count = 1): 'list' | 'select' | 'open' {
  if (count > 1) return 'list';
  return key === selectedKey ? 'open' : 'select';
}
