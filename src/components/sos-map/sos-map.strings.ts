/** Every visible string of `<sos-map>`, French first. `maplibre` holds MapLibre's own UI strings. */
import { formatCount, plural } from '../../i18n/format.js';

export const strings = {
  fr: {
    /**
     * Read to screen reader users before the map: the list is the way through the results.
     * `places`: how many points the map shows (structures at one address share one).
     */
    summary: (n: number, places = n): string =>
      n === 0
        ? "Aucune structure de la liste n'est placée sur la carte."
        : n === 1
          ? 'La carte reprend la structure de la liste ; utilisez la liste pour la parcourir au clavier.'
          : places === 1
            ? `La carte reprend les ${formatCount(n, 'fr')} structures de la liste, toutes à la même adresse ; utilisez la liste pour les parcourir au clavier.`
            : places < n
              ? `La carte reprend les ${formatCount(n, 'fr')} structures de la liste, en ${formatCount(places, 'fr')} lieux ; utilisez la liste pour les parcourir au clavier.`
              : `La carte reprend les ${formatCount(n, 'fr')} structures de la liste ; utilisez la liste pour les parcourir au clavier.`,
    /** The list of the structures at one point of the map. */
    placeTitle: (n: number): string => `${plural(n, 'fr', 'structure', 'structures')} à cette adresse`,
    placeClose: 'Fermer la liste',
    /** Read after the name of the selected structure's marker when others share its address. */
    markerOthers: (others: number): string =>
      `et ${others === 1 ? '1 autre' : `${formatCount(others, 'fr')} autres`} à cette adresse`,
    fallbackDefault: "Fond de carte simplifié : le fond IGN n'a pas pu être chargé.",
    fallbackCustom: "Fond de carte simplifié : le fond de carte demandé n'a pas pu être chargé.",
    attributionDefault: '© IGN – Géoplateforme',
    attributionOffline: 'Contours des départements : © IGN – Admin Express',
    maplibre: {
      'Map.Title': 'Carte des structures',
      'Marker.Title': 'Repère sur la carte',
      'NavigationControl.ZoomIn': 'Zoomer',
      'NavigationControl.ZoomOut': 'Dézoomer',
      'NavigationControl.ResetBearing': 'Faire glisser pour tourner la carte, cliquer pour revenir au nord',
      'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer la carte',
      'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer la carte',
      'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
      'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources de la carte',
      'AttributionControl.MapFeedback': 'Signaler une erreur sur la carte',
      'FullscreenControl.Enter': 'Plein écran',
      'FullscreenControl.Exit': 'Quitter le plein écran',
      'GeolocateControl.FindMyLocation': 'Me localiser',
      'GeolocateControl.LocationNotAvailable': 'Position indisponible',
      'LogoControl.Title': 'Logo MapLibre',
      'Popup.Close': 'Fermer',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Meters': 'm',
    } as Record<string, string>,
  },
  en: {
    summary: (n: number, places = n): string =>
      n === 0
        ? 'No structure of the list is placed on the map.'
        : n === 1
          ? 'The map shows the structure of the list; use the list to browse it with the keyboard.'
          : places === 1
            ? `The map shows the ${formatCount(n, 'en')} structures of the list, all at the same address; use the list to browse them with the keyboard.`
            : places < n
              ? `The map shows the ${formatCount(n, 'en')} structures of the list, at ${formatCount(places, 'en')} places; use the list to browse them with the keyboard.`
              : `The map shows the ${formatCount(n, 'en')} structures of the list; use the list to browse them with the keyboard.`,
    placeTitle: (n: number): string => `${plural(n, 'en', 'structure', 'structures')} at this address`,
    placeClose: 'Close the list',
    markerOthers: (others: number): string =>
      `and ${others === 1 ? '1 other' : `${formatCount(others, 'en')} others`} at this address`,
    fallbackDefault: 'Simplified basemap: the IGN basemap could not be loaded.',
    fallbackCustom: 'Simplified basemap: the requested basemap could not be loaded.',
    attributionDefault: '© IGN – Géoplateforme',
    attributionOffline: 'Département outlines: © IGN – Admin Express',
    maplibre: {
      'Map.Title': 'Map of the structures',
      'Marker.Title': 'Map marker',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
      'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
      'AttributionControl.ToggleAttribution': 'Show or hide the map sources',
      'AttributionControl.MapFeedback': 'Map feedback',
      'FullscreenControl.Enter': 'Enter fullscreen',
      'FullscreenControl.Exit': 'Exit fullscreen',
      'GeolocateControl.FindMyLocation': 'Find my location',
      'GeolocateControl.LocationNotAvailable': 'Location not available',
      'LogoControl.Title': 'MapLibre logo',
      'Popup.Close': 'Close',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Meters': 'm',
    } as Record<string, string>,
  },
};
