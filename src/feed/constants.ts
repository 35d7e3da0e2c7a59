/** Constants of the feed contract, kept apart from the zod schemas so that reading them loads no zod. */
export const FORMAT = 'sos-feed/1';

/** Text caps. Longer text is cut (with a warning) before validation, so these never drop a record. */
export const MAX_LENGTH = { short: 200, long: 4000, code: 64 } as const;
