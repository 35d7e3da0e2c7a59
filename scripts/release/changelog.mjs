// CHANGELOG.md (Keep a Changelog, in French): the entry of a version, and turning the
// « Non publié » section into that version's entry when a release is cut.

const UNRELEASED = /^## \[Non publié\][^\n]*\n/m;

/** The level-2 section whose heading starts with `## [label]`, without its heading, or undefined. */
function section(text, label) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## [${label}]`));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  // Link definitions at the bottom ([0.1.0]: https://…) are not part of the last entry.
  const body = lines.slice(start + 1, end).filter((l) => !/^\[[^\]]+\]:\s/.test(l));
  return body.join('\n').trim();
}

/**
 * The entry of `version` (heading included), or undefined when the changelog has none.
 * @param {string} text
 * @param {string} version
 */
export function entryOf(text, version) {
  const body = section(text, version);
  if (body === undefined) return undefined;
  const heading = text.split('\n').find((l) => l.startsWith(`## [${version}]`));
  return `${heading}\n\n${body}\n`;
}

/** Whether « Non publié » lists changes (lines starting with `- `) that no release notes carry yet. */
export function hasUnreleased(text) {
  const body = section(text, 'Non publié');
  return body !== undefined && /^\s*-\s+\S/m.test(body);
}

/**
 * Moves what « Non publié » says into a new `## [version] - date` entry under it (left empty
 * for what comes next). Throws, in English for the maintainer, when there is nothing to release.
 * @param {string} text
 * @param {string} version
 * @param {string} date YYYY-MM-DD
 * @returns {string}
 */
export function promoteUnreleased(text, version, date) {
  if (section(text, version) !== undefined) return text;
  const body = section(text, 'Non publié');
  if (body === undefined || !/^\s*-\s+\S/m.test(body)) {
    throw new Error(`CHANGELOG.md has no entry for ${version} and nothing under « ## [Non publié] »: say what changed there first.`);
  }
  const m = UNRELEASED.exec(text);
  if (!m) throw new Error('CHANGELOG.md: « ## [Non publié] » heading not found');
  const afterHeading = m.index + m[0].length;
  // The unreleased body ends at the next level-2 heading (or the link definitions, or the end).
  const rest = text.slice(afterHeading);
  const next = rest.search(/^## |^\[[^\]]+\]:\s/m);
  const bodyEnd = next < 0 ? text.length : afterHeading + next;
  return `${text.slice(0, afterHeading)}\n## [${version}] - ${date}\n\n${body}\n\n${text.slice(bodyEnd)}`;
}
