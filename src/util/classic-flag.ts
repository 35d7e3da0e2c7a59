/**
 * The window property the CDN loader sets when its `<script>` tag has no `type="module"` (it works,
 * see src/cdn-loader/loader.ts); the setup check (src/base/setup-check.ts) then tells it in the
 * page, as it tells other setup mistakes.
 */
export const CLASSIC_FLAG = '__sosAnnuaireClassicScript';

export const loadedAsClassicScript = (): boolean => (window as unknown as Record<string, unknown>)[CLASSIC_FLAG] === true;
