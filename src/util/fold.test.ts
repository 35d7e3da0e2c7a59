import { expect } from '@open-wc/testing';
import { fold, unaccent } from './fold.js';
import { foldLines } from './fold-lines.js';

describe('fold', () => {
  it('lower case, no accents, ligatures spelled out, punctuation as single spaces, trimmed', () => {
    expect(fold('Thérapie d’Œdème')).to.equal('therapie d oedeme');
    expect(fold('  ÆSCHYLE — «Cœur» !  ')).to.equal('aeschyle coeur');
    expect(fold('Saint-Émilion (33330)')).to.equal('saint emilion 33330');
    expect(fold('?!')).to.equal('');
  });

  it('unaccent keeps punctuation and spaces as they are (the CSV cells need them)', () => {
    expect(unaccent('Lymphœdème (MLD), d’Accueil')).to.equal('lymphoedeme (mld), d’accueil');
  });

  it('foldLines is fold() of each text, one per line, line breaks inside a text counting as spaces', () => {
    const texts = ['', ' Œuf ', 'a\nb', '—', 'Île-de-France\r\n', 'x', ' '];
    expect(foldLines(texts)).to.equal(texts.map(fold).join('\n'));
    expect(foldLines(texts).split('\n')).to.have.length(texts.length);
    // Untrimmed: the same words on the same lines.
    const words = (s: string) => s.split('\n').map((line) => line.split(' ').filter(Boolean));
    expect(words(foldLines(texts, false))).to.deep.equal(words(foldLines(texts)));
  });
});
