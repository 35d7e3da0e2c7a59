/** The feed layer on its own (for tools and pages that read a feed without the elements). */
// Synchronous validation of any document: the detailed (zod) validator registered up front.
import './validate-detail.js';
export { FORMAT, FeedSchema, StructureSchema, OfferSchema } from './schema.js';
export { parseFeed } from './parse.js';
export type { Feed, FeedStructure, Offer, Publisher, Contact, Address, GeoPoint } from './schema.js';
export { validateFeed } from './validate.js';
export type { Diagnostic, DiagnosticCode, DirectoryStructure, ValidFeed, ValidationResult } from './validate.js';
export { parseFeedText } from './parse.js';
export { loadFeed, loadFeeds } from './load.js';
export type { LoadedFeed, LoadOptions, LoadResult } from './load.js';
export { FeedLoadError } from './errors.js';
export * from './taxonomy.js';
