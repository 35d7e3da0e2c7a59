/**
 * The SOS taxonomy: the 13 care categories of the INCa basket and the regional directories,
 * their finer cares and the referential's enumerations. The words people type when they search
 * (synonyms, needs, symptoms) are in lexicon.ts, loaded with the free-text search only.
 *
 * Codes are the stable contract of the feed (kebab-case); labels may change. This module is the
 * single source: `data-schema/taxonomy.json` is generated from it (`npm run schema`).
 * Sources: DOMAIN.md brief, INCa instruction DGOS/R3/INCa/2017/62 (panier), INCa referential
 * (Oct 2021) filters, Réseau Oncologie 37 list and Oncobretagne scoping thesis (see README).
 */

export interface Label {
  fr: string;
  en: string;
}

export type CareGroup = 'socle' | 'complementaire' | 'autres';

export interface SubcareDef {
  code: string;
  label: Label;
  /** A non-conventional practice (PSNC): shown with the "un complément, jamais un remplacement" notice. */
  nonConventional?: boolean;
}

export interface CategoryDef {
  code: string;
  label: Label;
  /** Short label for chips and compact lists. */
  short: Label;
  group: CareGroup;
  /** Chip colour; 3:1 against white (a non-text accent), text stays dark. */
  color: string;
  subcares: readonly SubcareDef[];
}

export const L = (fr: string, en: string): Label => ({ fr, en });

export const CATEGORIES = [
  {
    code: 'douleur', group: 'socle', color: '#c0392b',
    label: L('Prise en charge de la douleur', 'Pain management'),
    short: L('Douleur', 'Pain'),
    subcares: [
      { code: 'consultation-douleur', label: L('Consultation douleur chronique', 'Chronic pain clinic') },
      { code: 'analgesie-intrathecale', label: L('Analgésie intrathécale', 'Intrathecal analgesia') },
      { code: 'hypnoanalgesie', label: L('Hypnoanalgésie', 'Hypnoanalgesia') },
      { code: 'kinesitherapie-douleur', label: L('Kinésithérapie antalgique', 'Physiotherapy for pain') },
      { code: 'neurostimulation', label: L('Neurostimulation (TENS)', 'Neurostimulation (TENS)') },
      { code: 'entretien-psychologique-douleur', label: L('Entretien psychologique (douleur)', 'Psychological interview (pain)') },
      { code: 'acupuncture', label: L('Acupuncture', 'Acupuncture'), nonConventional: true },
    ],
  },
  {
    code: 'nutrition', group: 'socle', color: '#b35c00',
    label: L('Prise en charge diététique et nutritionnelle', 'Dietary and nutritional care'),
    short: L('Nutrition', 'Nutrition'),
    subcares: [
      { code: 'consultation-dietetique', label: L('Consultation diététique', 'Dietitian consultation') },
      { code: 'consultation-nutrition-medicale', label: L('Consultation de nutrition médicale', 'Medical nutrition consultation') },
      { code: 'nutrition-artificielle', label: L('Nutrition entérale ou parentérale', 'Enteral or parenteral nutrition') },
      { code: 'atelier-cuisine', label: L('Atelier cuisine et alimentation', 'Cooking and food workshop') },
    ],
  },
  {
    code: 'psychologie', group: 'socle', color: '#6c3483',
    label: L('Prise en charge psychologique', 'Psychological care'),
    short: L('Psychologie', 'Psychology'),
    subcares: [
      { code: 'psycho-oncologie', label: L('Consultation de psycho-oncologie', 'Psycho-oncology consultation') },
      { code: 'psychiatrie', label: L('Consultation de psychiatrie', 'Psychiatric consultation') },
      { code: 'neuropsychologie', label: L('Bilan neuropsychologique', 'Neuropsychological assessment') },
      { code: 'groupe-de-parole', label: L('Groupe de parole', 'Support group') },
      { code: 'sophrologie', label: L('Sophrologie', 'Sophrology'), nonConventional: true },
      { code: 'hypnose', label: L('Hypnose', 'Hypnosis'), nonConventional: true },
      { code: 'relaxation', label: L('Relaxation', 'Relaxation'), nonConventional: true },
      { code: 'meditation-pleine-conscience', label: L('Méditation de pleine conscience', 'Mindfulness meditation'), nonConventional: true },
      { code: 'art-therapie', label: L('Art-thérapie', 'Art therapy'), nonConventional: true },
    ],
  },
  {
    code: 'social', group: 'socle', color: '#1f618d',
    label: L('Prise en charge sociale, familiale et professionnelle', 'Social, family and occupational support'),
    short: L('Social', 'Social'),
    subcares: [
      { code: 'accompagnement-social', label: L('Accompagnement par un assistant social', 'Social worker support') },
      { code: 'maintien-emploi', label: L('Maintien et retour dans l’emploi', 'Staying in or returning to work') },
      { code: 'aide-administrative', label: L('Aide aux démarches administratives', 'Help with paperwork') },
      { code: 'aide-financiere', label: L('Aide financière', 'Financial aid') },
      { code: 'permanence-juridique', label: L('Permanence juridique', 'Legal advice') },
      { code: 'aide-domicile', label: L('Aide à domicile', 'Home help') },
    ],
  },
  {
    code: 'activite-physique', group: 'complementaire', color: '#117a65',
    label: L('Activité physique adaptée', 'Adapted physical activity'),
    short: L('Activité physique', 'Physical activity'),
    subcares: [
      { code: 'seances-apa', label: L('Séances d’activité physique adaptée', 'Adapted physical activity sessions') },
      { code: 'bilan-apa', label: L('Bilan de condition physique', 'Fitness assessment') },
      { code: 'marche-nordique', label: L('Marche nordique', 'Nordic walking') },
      { code: 'yoga', label: L('Yoga', 'Yoga') },
      { code: 'pilates', label: L('Pilates', 'Pilates') },
      { code: 'tai-chi-qi-gong', label: L('Taï-chi, qi gong', 'Tai chi, qigong') },
      { code: 'aviron-dragon-boat', label: L('Aviron, dragon boat', 'Rowing, dragon boat') },
      { code: 'danse', label: L('Danse', 'Dance') },
      { code: 'activite-aquatique', label: L('Activité aquatique', 'Aquatic activity') },
    ],
  },
  {
    code: 'hygiene-de-vie', group: 'complementaire', color: '#7d6608',
    label: L('Conseils d’hygiène de vie (tabac, alcool, addictions)', 'Lifestyle advice (tobacco, alcohol, addictions)'),
    short: L('Hygiène de vie', 'Lifestyle'),
    subcares: [
      { code: 'sevrage-tabagique', label: L('Aide à l’arrêt du tabac', 'Smoking cessation') },
      { code: 'addictologie', label: L('Consultation d’addictologie', 'Addiction clinic') },
      { code: 'education-therapeutique', label: L('Éducation thérapeutique du patient', 'Therapeutic patient education') },
    ],
  },
  {
    code: 'soutien-aidants', group: 'complementaire', color: '#a04000',
    label: L('Soutien psychologique des proches et aidants', 'Psychological support for relatives and carers'),
    short: L('Proches et aidants', 'Relatives and carers'),
    subcares: [
      { code: 'soutien-psychologique-proches', label: L('Soutien psychologique des proches', 'Psychological support for relatives') },
      { code: 'groupe-aidants', label: L('Groupe de parole pour les aidants', 'Carers’ support group') },
      { code: 'soutien-enfants-parents-malades', label: L('Accompagnement des enfants d’un parent malade', 'Support for children of an ill parent') },
      { code: 'accompagnement-deuil', label: L('Accompagnement du deuil', 'Bereavement support') },
      { code: 'repit-aidants', label: L('Répit des aidants', 'Respite for carers') },
    ],
  },
  {
    code: 'fertilite', group: 'complementaire', color: '#b03a6f',
    label: L('Préservation de la fertilité', 'Fertility preservation'),
    short: L('Fertilité', 'Fertility'),
    subcares: [
      { code: 'consultation-oncofertilite', label: L('Consultation d’oncofertilité', 'Oncofertility consultation') },
      { code: 'autoconservation-gametes', label: L('Autoconservation de gamètes ou de tissu', 'Gamete or tissue cryopreservation') },
    ],
  },
  {
    code: 'sexualite', group: 'complementaire', color: '#943126',
    label: L('Prise en charge des troubles de la sexualité', 'Sexual health care'),
    short: L('Sexualité', 'Sexuality'),
    subcares: [
      { code: 'consultation-sexologie', label: L('Consultation de sexologie', 'Sexology consultation') },
      { code: 'conseil-couple', label: L('Accompagnement du couple', 'Couple counselling') },
    ],
  },
  {
    code: 'soins-palliatifs', group: 'autres', color: '#4a5a6a',
    label: L('Soins palliatifs', 'Palliative care'),
    short: L('Soins palliatifs', 'Palliative care'),
    subcares: [
      { code: 'equipe-mobile-soins-palliatifs', label: L('Équipe mobile de soins palliatifs', 'Mobile palliative care team') },
      { code: 'unite-soins-palliatifs', label: L('Unité de soins palliatifs', 'Palliative care unit') },
      { code: 'reseau-soins-palliatifs', label: L('Réseau de soins palliatifs à domicile', 'Home palliative care network') },
      { code: 'benevoles-accompagnement', label: L('Bénévoles d’accompagnement', 'Volunteer companions') },
    ],
  },
  {
    code: 'image-de-soi', group: 'autres', color: '#8e44ad',
    label: L('Bien-être et image de soi (socio-esthétique…)', 'Well-being and self-image (socio-aesthetics…)'),
    short: L('Image de soi', 'Self-image'),
    subcares: [
      { code: 'socio-esthetique', label: L('Socio-esthétique', 'Socio-aesthetics'), nonConventional: true },
      { code: 'conseil-image', label: L('Conseil en image', 'Image advice') },
      { code: 'prothese-capillaire', label: L('Prothèse capillaire et foulards', 'Wigs and headscarves') },
      { code: 'reflexologie', label: L('Réflexologie', 'Reflexology'), nonConventional: true },
      { code: 'shiatsu-massage', label: L('Shiatsu, massage bien-être', 'Shiatsu, well-being massage'), nonConventional: true },
      { code: 'dermopigmentation', label: L('Dermopigmentation réparatrice', 'Restorative micropigmentation') },
    ],
  },
  {
    code: 'effets-secondaires', group: 'autres', color: '#2e6b30',
    label: L('Rééducation et traitement des effets secondaires', 'Rehabilitation and side-effect care'),
    short: L('Effets secondaires', 'Side effects'),
    subcares: [
      { code: 'kinesitherapie', label: L('Kinésithérapie', 'Physiotherapy') },
      { code: 'drainage-lymphatique', label: L('Drainage lymphatique, lymphœdème', 'Lymphatic drainage, lymphoedema') },
      { code: 'orthophonie', label: L('Orthophonie', 'Speech therapy') },
      { code: 'stomatherapie', label: L('Stomathérapie', 'Stoma care') },
      { code: 'pedicurie-podologie', label: L('Pédicurie-podologie', 'Podiatry') },
      { code: 'ergotherapie', label: L('Ergothérapie', 'Occupational therapy') },
      { code: 'reeducation-perineale', label: L('Rééducation périnéale', 'Pelvic floor rehabilitation') },
      { code: 'soins-bouche-dentaires', label: L('Soins de bouche et dentaires', 'Oral and dental care') },
    ],
  },
  {
    code: 'eri', group: 'autres', color: '#5d6d7e',
    label: L('Espace de rencontres et d’information (ERI)', 'Information and meeting space (ERI)'),
    short: L('ERI', 'ERI'),
    subcares: [
      { code: 'accueil-information', label: L('Accueil, écoute et information', 'Welcome, listening and information') },
      { code: 'documentation', label: L('Documentation sur les cancers', 'Cancer information library') },
      { code: 'rencontres-thematiques', label: L('Rencontres thématiques', 'Themed meetings') },
    ],
  },
] as const satisfies readonly CategoryDef[];

export type CareCode = (typeof CATEGORIES)[number]['code'];
export type SubcareCode = (typeof CATEGORIES)[number]['subcares'][number]['code'];

export const CARE_GROUPS: Record<CareGroup, Label> = {
  socle: L('Socle (à proposer à tous les patients)', 'Core (for every patient)'),
  complementaire: L('Soins complémentaires', 'Complementary care'),
  autres: L('Autres soins de support', 'Other supportive care'),
};

/** An enumeration of the feed: ordered codes with their labels. */
export function enumeration<const C extends string>(entries: Record<C, Label>) {
  return { codes: Object.keys(entries) as C[], labels: entries };
}

export const STRUCTURE_KINDS = enumeration({
  'etablissement-sante': L('Établissement de santé', 'Health establishment'),
  clcc: L('Centre de lutte contre le cancer', 'Comprehensive cancer centre'),
  association: L('Association', 'Association'),
  'comite-ligue': L('Comité de la Ligue contre le cancer', 'League against cancer committee'),
  cpts: L('CPTS (communauté professionnelle territoriale de santé)', 'Community health network (CPTS)'),
  msp: L('Maison de santé pluriprofessionnelle', 'Multi-professional health centre'),
  'centre-sante': L('Centre de santé', 'Health centre'),
  dac: L('Dispositif d’appui à la coordination', 'Care coordination service (DAC)'),
  eri: L('Espace de rencontres et d’information', 'Information and meeting space'),
  'maison-sport-sante': L('Maison sport-santé', 'Sport and health centre'),
  reseau: L('Réseau de santé', 'Health network'),
  autre: L('Autre structure', 'Other'),
});

export const AUDIENCES = enumeration({
  patient: L('Patients', 'Patients'),
  'proche-aidant': L('Proches et aidants', 'Relatives and carers'),
  professionnel: L('Professionnels de santé', 'Health professionals'),
});

export const AGES = enumeration({
  enfant: L('Enfants', 'Children'),
  aja: L('Adolescents et jeunes adultes (15–25 ans)', 'Adolescents and young adults (15–25)'),
  adulte: L('Adultes', 'Adults'),
  'personne-agee': L('Personnes âgées', 'Older people'),
});

export const SETTINGS = enumeration({
  etablissement: L('En établissement de santé', 'In a health establishment'),
  ville: L('En ville (cabinet, association)', 'In town (practice, association)'),
  domicile: L('À domicile', 'At home'),
  distance: L('À distance (téléphone, visio)', 'Remote (phone, video)'),
});

export const PHASES = enumeration({
  diagnostic: L('Au diagnostic', 'At diagnosis'),
  traitement: L('Pendant les traitements', 'During treatment'),
  'apres-traitement': L('Après les traitements', 'After treatment'),
  palliatif: L('En phase palliative', 'Palliative phase'),
});

export const ACCESS = enumeration({
  'suivis-etablissement': L('Patients suivis dans l’établissement', 'Patients treated at this establishment'),
  'non-suivis': L('Ouvert aux patients suivis ailleurs', 'Open to patients treated elsewhere'),
  had: L('Patients en hospitalisation à domicile (HAD)', 'Patients in hospital-at-home (HAD)'),
});

export const REFERRALS = enumeration({
  direct: L('Accès direct', 'Direct access'),
  orientation: L('Sur orientation d’un professionnel', 'On referral by a professional'),
  prescription: L('Sur prescription médicale', 'On medical prescription'),
});

export const COSTS = enumeration({
  gratuit: L('Gratuit', 'Free'),
  rembourse: L('Remboursé par l’Assurance maladie', 'Covered by health insurance'),
  'reste-a-charge': L('Reste à charge', 'Out-of-pocket cost'),
});

export const PATHWAYS = enumeration({
  'parcours-global-apres-cancer': L('Parcours de soins global après le traitement d’un cancer', 'Global care pathway after cancer treatment'),
  'parcours-aja': L('Parcours adolescents et jeunes adultes', 'Adolescent and young adult pathway'),
  'parcours-oncogeriatrie': L('Parcours d’oncogériatrie', 'Geriatric oncology pathway'),
  'parcours-oncopediatrie': L('Parcours d’oncopédiatrie', 'Paediatric oncology pathway'),
});

export const CARE_CODES = CATEGORIES.map((c) => c.code) as CareCode[];
export const SUBCARE_CODES = CATEGORIES.flatMap((c) => c.subcares.map((s) => s.code)) as SubcareCode[];

const categoryByCode = new Map<string, CategoryDef>(CATEGORIES.map((c) => [c.code, c]));
const subcareByCode = new Map<string, SubcareDef & { care: CareCode }>(
  CATEGORIES.flatMap((c) => c.subcares.map((s) => [s.code, { ...s, care: c.code }] as const)),
);

export function category(code: string): CategoryDef | undefined {
  return categoryByCode.get(code);
}

export function subcare(code: string): (SubcareDef & { care: CareCode }) | undefined {
  return subcareByCode.get(code);
}

/** An offer's name as readers show it: its own label, else its finer cares, else its category. */
export function offerTitle(offer: { label?: string; subcares?: readonly string[]; care: string }, lang: keyof Label): string {
  if (offer.label) return offer.label;
  const subs = (offer.subcares ?? []).map((c) => subcare(c)?.label[lang]).filter((x): x is string => !!x);
  if (subs.length) return subs.join(', ');
  return category(offer.care)?.label[lang] ?? offer.care;
}

/** The notice the authorities ask to show beside non-conventional practices. */
export const NON_CONVENTIONAL_NOTICE = L(
  'Un complément, jamais un remplacement des traitements.',
  'A complement to treatment, never a replacement.',
);
