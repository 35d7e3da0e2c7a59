/** Why a feed could not be read, in words for visitors (`message`) and for integrators (`detail`). */

/**
 * `empty`: the file read, but no structure in it could be kept; `too-large`: over the size limit
 * (inflated); `slow`: no answer yet, the last good copy shown meanwhile.
 */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'not-json' | 'format' | 'envelope' | 'aborted' | 'empty' | 'too-large' | 'slow';

const MESSAGES: Record<FeedErrorKind, string> = {
  network: "L'annuaire est momentanément inaccessible.",
  timeout: "Le serveur de l'annuaire ne répond pas.",
  http: "Le serveur de l'annuaire a renvoyé une erreur.",
  'not-json': "Le fichier de l'annuaire est illisible.",
  format: "Le fichier de l'annuaire n'est pas dans un format reconnu.",
  envelope: "Le fichier de l'annuaire est incomplet.",
  aborted: 'Chargement interrompu.',
  empty: "Le fichier publié de l'annuaire ne contient aucune structure.",
  'too-large': "Le fichier de l'annuaire est trop gros pour être lu.",
  slow: "Le serveur de l'annuaire tarde à répondre.",
};

/** The visitors' French sentence for a kind of failure (the HTTP status said when there is one). */
export function feedErrorMessage(kind: FeedErrorKind, status?: number): string {
  return kind === 'http' && status ? `${MESSAGES.http.slice(0, -1)} (HTTP ${status}).` : MESSAGES[kind];
}

export class FeedLoadError extends Error {
  override readonly name = 'FeedLoadError';
  constructor(
    readonly kind: FeedErrorKind,
    /** The feed URL (or file) concerned. */
    readonly url: string,
    /** Technical French explanation for the integrator: what failed, where, what to check. */
    readonly detail: string,
    readonly status?: number,
  ) {
    super(feedErrorMessage(kind, status));
  }
}

/** The start of a body, as text, for "this is not JSON" messages. */
export function bodyStart(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 50 ? `${s.slice(0, 50)}…` : s || '(vide)';
}
