/**
 * The publishing core shared by the `sos-feed` CLI and the publisher's workbench (`<sos-editeur>`):
 * pure TypeScript, no Node module, no DOM. Inputs are parsed tables and feed objects; outputs are
 * data and French messages that say where (spreadsheet row and column, or JSON path). Files,
 * terminals and pages are the callers' business. The .xlsx reader and writer (xlsx.ts) load their
 * libraries on first use.
 */
export { cellText, rowsToTable, type Table, type TableRow, type TableSource } from './table.js';
export { CsvSyntaxError, csvBytes, decodeCsv, parseCsv, parseRecords, writeCsv, type CsvTable } from './csv.js';
export { formulaTrigger, looksLikeFormula, neutraliseFormula, restoreFormula } from './csv-safety.js';
export {
  cellFor, columnByName, columnForHeader, COLUMNS, convertCell, PRIVATE_COLUMNS, SHEET_COLUMNS,
  type Column, type PrivateInfo,
} from './columns.js';
export { applyFeedFixes, applyFixes, groupByStructure, parsePath, where, type Fix, type Problem, type Severity } from './problems.js';
export { suggestCode, suggestHeader, type CodeSuggestion } from './suggest.js';
export { formatFrenchPhone, readPhone, type PhoneReading } from './phone.js';
export { findDuplicates, type Duplicate } from './duplicates.js';
export { validateEverything } from './validate-all.js';
export { blankTable, feedToTable, setStructureCell, tableToFeed, type HeaderRead, type SheetOptions, type SheetResult } from './sheet.js';
export { checkFeed, type FeedCheck } from './feed-check.js';
export { campaign, mailMergeTable, recordLines, MAIL_MERGE_COLUMNS, MAX_MAILTO, STATUS_LABEL, type Campaign, type CampaignStatus, type Reminder } from './campaign.js';
export { diffFeeds, diffLines, isEmptyDiff, showValue, type FeedDiff, type FieldChange, type StructureChange } from './diff.js';
export { coverage, coverageTable, whiteZonesTable, type Coverage, type CoverageCell, type CoverageCommune, type WhiteCommune } from './coverage.js';
export { CRITERIA, quality, structureQuality, type Criterion, type QualityReport, type StructureQuality } from './quality.js';
export { publicFeed, publishGuard, type Guard, type PublicFeed, type PublishOptions } from './publish.js';
export { addDays, addMonths, frenchDate, shortFrenchDate } from './dates.js';
export { readXlsx, writeXlsx, WorkbookError } from './xlsx.js';
