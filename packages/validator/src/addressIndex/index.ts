/**
 * Address index: the questions rules ask about many intervals at once.
 *
 * - `findOverlaps(intervals)` / `findOverlaps4` / `findOverlaps6`   all overlapping pairs.
 * - `AddressIndex` / `ContainmentIndex`   who holds an address; what one interval overlaps.
 * - `heldSet4/6`, `countHeld`, `freeCount4/6`, `firstFree4/6`, `unionCapacity4/6`   capacity.
 * - `toColumns(intervals)`   parsed intervals to the columns the passes run on.
 */
export { findOverlaps, findOverlaps4, findOverlaps6, type OverlapPair, type OverlapRelation } from './sweep.ts';
export { AddressIndex, ContainmentIndex, type IndexedOverlap, type IndexedRelation } from './lookup.ts';
export {
  heldSet4,
  heldSet6,
  countHeld,
  freeCount4,
  freeCount6,
  firstFree4,
  firstFree6,
  unionCapacity4,
  unionCapacity6,
} from './capacity.ts';
export {
  toColumns,
  type Columns4,
  type Columns6,
  type IntervalLike,
  type Interval4Like,
  type Interval6Like,
  type IpLike,
  type Ip4Like,
  type Ip6Like,
} from './types.ts';
