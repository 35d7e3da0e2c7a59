/**
 * « Ma sélection »'s code (and the share element it embeds), fetched the first time a visitor
 * opens the selection: not part of the page's initial JavaScript.
 */
let loading: Promise<unknown> | undefined;

export function loadSelection(): Promise<unknown> {
  return (loading ??= import('./sos-selection.js'));
}
