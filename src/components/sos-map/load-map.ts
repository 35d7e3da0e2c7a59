/**
 * The map element's code, fetched once when a directory with a map has shown its first results
 * (or a standalone `<sos-map>` is in the page): the map is an enhancement of the list, and its
 * element (not only MapLibre) stays out of the page's initial JavaScript.
 */
let loading: Promise<unknown> | undefined;

export function loadMap(): Promise<unknown> {
  if (!loading) {
    loading = import('./sos-map.js');
    loading.catch(() => (loading = undefined));
  }
  return loading;
}
