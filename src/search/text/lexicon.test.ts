import { expect } from '@open-wc/testing';
import { FILLERS, LEXICON, SYNONYMS } from '../../feed/lexicon.js';
import { CARE_CODES, SUBCARE_CODES } from '../../feed/taxonomy.js';
import { codeKind, lexiconIndex } from './lexicon-index.js';
import { stems } from './tokens.js';

describe('lexicon: the words people use', () => {
  it('reaches every category and every finer care from at least one everyday word, in French and in English', () => {
    const reached = (lang: 'fr' | 'en') => new Set(LEXICON.filter((e) => e[lang].length).flatMap((e) => Object.entries(e.means).filter(([, w]) => w === 3).map(([c]) => c)));
    for (const lang of ['fr', 'en'] as const) {
      const missing = [...CARE_CODES, ...SUBCARE_CODES].filter((c) => !reached(lang).has(c));
      expect(missing, `${lang}: codes no everyday word means first`).to.deep.equal([]);
    }
  });

  it('uses only the taxonomy’s codes, with weights 1 to 3', () => {
    const bad = LEXICON.flatMap((e) => Object.entries(e.means).filter(([c, w]) => !codeKind(c) || ![1, 2, 3].includes(w)).map(([c]) => c));
    expect(bad).to.deep.equal([]);
    expect(Object.keys(SYNONYMS).filter((c) => !codeKind(c))).to.deep.equal([]);
  });

  it('lists each phrasing once, and no phrasing is also a filler', () => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    LEXICON.forEach((e, i) => {
      for (const text of [...e.fr, ...e.en]) {
        const key = stems(text).join(' ');
        if (seen.has(key) && seen.get(key) !== i) twice.push(text);
        seen.set(key, i);
      }
    });
    expect(twice).to.deep.equal([]);
    const fillers = [...FILLERS.fr, ...FILLERS.en].map((f) => stems(f).join(' '));
    expect(fillers.filter((f) => seen.has(f))).to.deep.equal([]);
  });

  it('keeps the lexicon’s order of meanings over the taxonomy’s synonyms (« fatigue »: activity, then side effects, then psychology)', () => {
    const fatigue = lexiconIndex().single.get('fatigue')!;
    const weights = Object.fromEntries(fatigue.means.map((m) => [m.code, m.weight]));
    expect(weights).to.deep.equal({ 'activite-physique': 3, 'effets-secondaires': 2, psychologie: 1 });
    // A synonym no entry redefines keeps its taxonomy meaning.
    expect(lexiconIndex().single.get('sophrologue')!.means.map((m) => m.code)).to.include('sophrologie');
  });
});
