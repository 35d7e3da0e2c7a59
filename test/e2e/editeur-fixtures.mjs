// The spreadsheet a DSRC's data steward really has (test fixtures for test/e2e/editeur.test.mjs):
// 5 structures and 8 offers typed in French Excel, with the ordinary mistakes — labels where codes
// are expected (« Comité de la Ligue », « Socio-esthétique », « Après traitement », « Aidants »,
// « Téléconsultation »), a phone whose leading zero Excel dropped, JJ/MM/AAAA dates, one structure
// entered twice under another id (same FINESS), and addresses for the geocoder's stand-in (one
// « lieu-dit » it can only place at the commune: a weak match).

export const HEADER = [
  'structure_id', 'structure_nom', 'type_structure', 'finess', 'adresse', 'code_postal', 'commune', 'code_insee',
  'latitude', 'longitude', 'telephone', 'email', 'verifie_le', 'referent_nom', 'referent_email',
  'offre_id', 'soin', 'intitule', 'publics', 'lieux', 'phases', 'cout',
];

const S = {
  chu: ['chu-exemple', 'Centre hospitalier d’Exemple', 'etablissement-sante', '330000001', '1 avenue de la Santé', '33000', 'Bordeaux', '33063', '44,8378', '-0,5792', '05 56 00 00 00', 'sos@chu.test', '15/09/2026', 'Claire Martin', 'claire.martin@chu.test'],
  ligue: ['ligue-87', 'Comité de la Haute-Vienne', 'Comité de la Ligue', '', '12 rue de la Fontaine', '87000', 'Limoges', '87085', '', '', '555000000', 'ligue87@exemple.test', '02/06/2025', 'Paul Roux', 'paul.roux@exemple.test'],
  asso: ['asso-rose', 'Association Rose Espoir', 'association', '', 'Lieu-dit La Croix', '24000', 'Périgueux', '24322', '', '', '05 53 00 00 00', 'rose@exemple.test', '10/10/2025', 'Nadia Benali', 'nadia@exemple.test'],
  msp: ['msp-lac', 'Maison de santé du Lac', 'msp', '', '3 place du Marché', '40000', 'Mont-de-Marsan', '40192', '', '', '05 58 00 00 00', 'msp@exemple.test', '2025-11-20', '', ''],
  twice: ['chu-exemple-bis', 'Centre hospitalier d’Exemple', 'etablissement-sante', '330000001', '1 avenue de la Santé', '33000', 'Bordeaux', '33063', '44,8378', '-0,5792', '05 56 00 00 00', 'sos@chu.test', '15/09/2026', '', ''],
};

/** 8 offer rows; comments say which mistake each carries. */
export const ROWS = [
  [...S.chu, 'chu-douleur', 'douleur', 'Consultation douleur', 'patient', 'etablissement', 'traitement', 'rembourse'],
  [...S.chu, 'chu-beaute', 'Socio-esthétique', 'Atelier socio-esthétique', 'patient', 'etablissement', 'Après traitement', 'gratuit'],
  [...S.ligue, 'ligue-soutien', 'soutien-aidants', 'Groupe de parole des proches', 'Aidants', 'ville', '', 'gratuit'],
  [...S.ligue, 'ligue-psy', 'psychologie', 'Soutien psychologique à distance', 'patient', 'Téléconsultation', '', 'gratuit'],
  [...S.asso, 'rose-apa', 'activite-physique', 'Marche nordique', 'patient', 'ville', 'apres-traitement', 'gratuit'],
  [...S.asso, 'rose-nutri', 'nutrition', 'Atelier cuisine', 'patient|proche-aidant', 'ville', '', 'gratuit'],
  [...S.msp, 'msp-social', 'social', 'Permanence sociale', 'patient', 'etablissement', '', 'gratuit'],
  [...S.twice, 'chu-bis-psy', 'psychologie', 'Psycho-oncologie', 'patient', 'etablissement', '', 'rembourse'],
];

/** CSV text, `;`-separated, as French Excel writes it. */
export function csvText(header = HEADER, rows = ROWS) {
  const cell = (v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

const CP1252 = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };

/** Windows-1252 bytes (Excel's « CSV (séparateur : point-virgule) » on Windows). */
export function windows1252(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    out[i] = CP1252[c] ?? (code < 256 ? code : 0x3f);
  }
  return out;
}
