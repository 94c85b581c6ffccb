/**
 * Semantic diff and three-way merge of topology documents (what changed in meaning, what only
 * moved; what merges and what conflicts). See diff.ts and merge.ts.
 */
export { diffDocuments, diffCounts, type DocumentDiff, type ElementChange, type LinkChange, type FieldChange } from './diff.ts';
export {
  mergeDocuments,
  repairReferences,
  type MergeResult,
  type MergeConflict,
  type MergeRepair,
  type MergeOptions,
  type ConflictScope,
  type Side,
} from './merge.ts';
export { canonicalAddress } from './values.ts';
