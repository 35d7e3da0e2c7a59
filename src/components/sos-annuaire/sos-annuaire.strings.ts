export const strings = {
  fr: { viewSwitch: 'Affichage des résultats', list: 'Liste', map: 'Carte' },
  en: { viewSwitch: 'Results display', list: 'List', map: 'Map' },
} as const;
