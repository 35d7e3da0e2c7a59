import { createContext } from '@lit/context';
import type { DirectoryStore } from './directory-store.js';

/**
 * The store shared by `<sos-annuaire>` with the elements inside it. A module-local key (not
 * Symbol.for): two copies of the script on one page keep separate, consistent worlds.
 */
export const storeContext = createContext<DirectoryStore | undefined>(Symbol('sos-directory-store'));
