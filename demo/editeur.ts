// The publisher's workbench page: its own entry, never part of the widget's bundle. `?flux=<url>`
// (the WordPress settings page links it so) fills in the published feed's address. Nothing else
// is taken from the address bar: the preview's widget address is the page's own <meta name="sos-widget">.
import '../src/components/sos-editeur/sos-editeur.js';

const flux = new URLSearchParams(location.search).get('flux');
const bench = document.querySelector('sos-editeur');
if (flux && bench) bench.setAttribute('src', flux);
