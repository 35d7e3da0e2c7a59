/** The results list's strings in English (a chunk: see sos-results-list.strings.ts). */
import { formatCount, formatDate, formatKm, plural } from '../../i18n/format.js';
import { whyTitle, type ListStrings } from './sos-results-list.strings.js';

export const en: ListStrings = {
  counts: (s, o) => `${plural(s, 'en', 'organisation', 'organisations')}, ${plural(o, 'en', 'service', 'services')}`,
  countsNear: (s, o, km, place) => `${plural(s, 'en', 'organisation', 'organisations')}, ${plural(o, 'en', 'service', 'services')} within ${formatKm(km, 'en')} of ${place}`,
  remoteCount: (n) => `and ${formatCount(n, 'en')} at home or remote`,
  noneNear: (km, place) => `No organisation within ${formatKm(km, 'en')} of ${place}.`,
  loading: 'Loading the directory…',
  noSource: 'The directory is not set up on this page yet.',
  heading: 'Results',
  sortedByName: 'Sorted by name',
  sortedByDistance: (place) => `Sorted by distance from ${place}`,
  offerHours: (offer, line) => `${offer}: ${line}`,
  shortlist: (n) => `My selection (${n})`,
  pick: 'Add to my selection',
  unpick: 'Remove from my selection',
  about: (action, name) => `${action}: ${name}`,
  picked: (n) => `Added to your selection (${n} of 20).`,
  shortlistFull: 'My selection is full (20 at most): remove an item to add another.',
  share: 'Share this search',
  shareSubject: 'Supportive care: a search in the directory',
  sortedByRelevance: 'Most relevant first',
  sortedByRelevanceDistance: (place) => `Most relevant first, then by distance from ${place}`,
  nearGroup: (km, place) => `Within ${formatKm(km, 'en')} of ${place}`,
  remoteGroup: (place) => `At home or remote, for ${place}`,
  remoteGroupHint: 'Farther away, but these services come to you (home visits) or take place remotely (phone, video), and they cover this place.',
  why: (w) => {
    switch (w.via) {
      case 'name': return `“${w.text}” in the name`;
      case 'town': return `“${w.text}”: the town`;
      case 'description': return `${whyTitle(w, 'en')} — “${w.text}” in the description`;
      default: return `${whyTitle(w, 'en')} — for “${w.text}”`;
    }
  },
  comesHome: 'comes to your home',
  remote: 'remote (phone, video)',
  reserved: 'Only for patients treated at this establishment',
  someReserved: 'Some services only for patients treated at this establishment',
  approximate: 'approximate position',
  outsideRegion: (place, region, covered) => `This directory covers ${covered.length > 1 ? 'the regions' : 'the region'} ${covered.join(' and ')}; ${place} ${region ? `is in ${region}` : 'is outside it'}. For this place, also see its region's directory.`,
  ignored: (words) => `Not taken into account: ${words.map((w) => `“${w}”`).join(', ')}.`,
  chipsLabel: 'Care offered',
  distance: (km) => `${formatKm(km, 'en')} away`,
  verified: (d) => `Checked on ${formatDate(d, 'en')}`,
  recheck: 'needs checking',
  mssante: 'MSSanté (for health professionals):',
  free: 'Free',
  notMapped: 'not on the map',
  showMore: (shown, total) => `Show more results (${formatCount(shown, 'en')} of ${formatCount(total, 'en')})`,
  open: (name) => `Open the details: ${name}`,
  stale: (date, kind, status) => `Data from ${formatDate(date, 'en')}: ${{
    slow: 'the directory server is slow to answer; they will be replaced when it does',
    http: `the directory server returned an error${status ? ` (HTTP ${status})` : ''}`,
    empty: 'the published file contains no structure',
    'not-json': 'the published file cannot be read', format: 'the published file cannot be read', envelope: 'the published file cannot be read', 'too-large': 'the published file is too large',
  }[kind as string] ?? 'the directory server is not responding'}.`,
  partial: (n) => `${n} directory source${n > 1 ? 's' : ''} could not be loaded.`,
  loadError: (kind, status) => ({
    network: 'The directory is temporarily unavailable.',
    timeout: 'The directory server is not responding.',
    http: `The directory server returned an error${status ? ` (HTTP ${status})` : ''}.`,
    'not-json': 'The directory file cannot be read.',
    format: 'The directory file is not in a recognised format.',
    envelope: 'The directory file is incomplete.',
    aborted: 'Loading was interrupted.',
    empty: 'The published directory file contains no structure.',
    'too-large': 'The directory file is too large to be read.',
    slow: 'The directory server is slow to answer.',
  })[kind],
  technical: 'Technical details (for the webmaster)',
  noResult: 'No organisation matches your search.',
  relaxIntro: 'These criteria exclude every result:',
  relax: {
    query: 'the search text', near: 'the distance', care: 'the care', subcare: 'the specific care', departement: 'the département',
    audience: 'the audience', age: 'the age', setting: 'the place', phase: 'the phase', access: 'the access conditions', cost: 'the cost', pathway: 'the pathway', opening: 'open today', mssante: 'secure messaging',
  },
  relaxCount: (n) => `without it: ${plural(n, 'en', 'organisation', 'organisations')}`,
  widen: (km) => `Widen to ${formatKm(km, 'en')}`,
  reset: 'Reset the search',
  nearest: (km) => `The nearest organisation offering this is ${formatKm(km, 'en')} away:`,
  noData: 'The directory has no organisations yet.',
};
