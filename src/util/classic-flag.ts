/**
 * The window property the CDN loader sets when its `<script>` tag has no `type="module"` (it works,
 * see src/cdn-loader/loader.ts); the setup check (src/base/setup-check.ts) then tells it in the
 * page, as it tells other setup mistakes.
 */
const CLASSIC_FLAG = '__sosAnnuaireClassicScript';
const flags = (): Record<string, unknown> => window as unknown as Record<string, unknown>;

/** Said by the loader. */
export const markLoadedAsClassicScript = (): void => void (flags()[CLASSIC_FLAG] = true);

/** Read by the setup check. */
export const loadedAsClassicScript = (): boolean => flags()[CLASSIC_FLAG] === true;
