/** Why a feed could not be read, in words for visitors (`message`) and for integrators (`detail`). */

export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'not-json' | 'format' | 'envelope' | 'aborted';

const MESSAGES: Record<FeedErrorKind, string> = {
  network: "L'annuaire est momentanément inaccessible.",
  timeout: "Le serveur de l'annuaire ne répond pas.",
  http: "Le serveur de l'annuaire a renvoyé une erreur.",
  'not-json': "Le fichier de l'annuaire est illisible.",
  format: "Le fichier de l'annuaire n'est pas dans un format reconnu.",
  envelope: "Le fichier de l'annuaire est incomplet.",
  aborted: 'Chargement interrompu.',
};

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
    super(kind === 'http' && status ? `${MESSAGES.http.slice(0, -1)} (HTTP ${status}).` : MESSAGES[kind]);
  }
}

/** The start of a body, as text, for "this is not JSON" messages. */
export function bodyStart(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 50 ? `${s.slice(0, 50)}…` : s || '(vide)';
}
