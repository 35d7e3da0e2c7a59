/**
 * Imported by the loader (loader.ts) when its `<script>` tag has no `type="module"`: the widget
 * works, and the console says once (a module is evaluated once per page) why the attribute is
 * better. A chunk of its own, so that pages with the right tag do not download the sentence.
 */
console.warn(
  '[sos-annuaire] la balise <script> de l\'annuaire n\'a pas type="module" : l\'annuaire fonctionne, ' +
    'mais ajoutez type="module" (<script type="module" src="…/sos-annuaire.js">) : le script est alors chargé ' +
    'en différé, sans bloquer l\'affichage de la page.',
);
