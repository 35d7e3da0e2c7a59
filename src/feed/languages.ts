/**
 * Languages a structure speaks besides French (FEED-SPEC 1.1 `languages`): ISO 639-1 codes. The
 * widget names them with `Intl.DisplayNames`, so no labels here: only the codes, to tell a real
 * code from a typo. Read by the schema (hence by the generated checks, as one compact pattern) and
 * by the spreadsheet import; not by the widget's initial JavaScript.
 */

/** The 184 ISO 639-1 codes (ISO 639-2 table of the Library of Congress, `bh` included), space-separated. */
export const LANGUAGE_CODES_TEXT =
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el '
  + 'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu '
  + 'ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na '
  + 'nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so '
  + 'sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

export const LANGUAGE_CODES: readonly string[] = LANGUAGE_CODES_TEXT.split(' ');

/**
 * One anchored pattern accepting exactly these codes, grouped by first letter
 * (`^(?:a[abefkmnrsvyz]|b[aeghimnors]|…)$`): a few hundred characters in the generated checks
 * instead of a set of 184 strings, and a pattern the JSON Schema can carry.
 */
export function languagePattern(codes: readonly string[] = LANGUAGE_CODES): RegExp {
  const byInitial = new Map<string, string[]>();
  for (const code of codes) {
    if (!/^[a-z]{2}$/.test(code)) throw new Error(`languages: not a two-letter code: ${code}`);
    const list = byInitial.get(code[0]!) ?? [];
    list.push(code[1]!);
    byInitial.set(code[0]!, list);
  }
  const groups = [...byInitial].map(([initial, seconds]) => (seconds.length === 1 ? `${initial}${seconds[0]}` : `${initial}[${seconds.join('')}]`));
  return new RegExp(`^(?:${groups.join('|')})$`);
}
