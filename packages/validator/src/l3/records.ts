/**
 * The L3 model's two most numerous records, as classes whose document path (and a range's text)
 * are put together only when asked for: by a diagnostic or the incremental session, for a handful
 * of the estate's 20,000 held addresses and 6,000 ranges. Built eagerly, `/elements/812/props/
 * nodes/3/address` was two or three strings per record, about 40 % of the objects lower() kept on
 * a large estate, and every kept object is copied by V8's young-generation collector in the
 * first validations of a process (the 5× estate's lower() took about twice its warm time there).
 */
import type { ElementKind } from '@viplane/model';
import type { Ip } from './addr.ts';
import type { AddressRole, L3Address, L3Range, L3RangePurpose } from './model.ts';

/**
 * A document path in three parts, `${base}${index}${tail}`, with the shared parts shared:
 * `/elements/` 812 `/props/address`. `index` < 0: `base` is the whole path.
 */
abstract class LazyPath {
  constructor(
    private pathBase: string,
    /** @internal read by listIndexOf */
    public pathIndex: number,
    private pathTail: string,
  ) {}

  get path(): string {
    return this.pathIndex < 0 ? this.pathBase : this.pathBase + this.pathIndex + this.pathTail;
  }

  /** The incremental session re-points paths of a sub-document lowering at the real document. */
  set path(whole: string) {
    this.pathBase = whole;
    this.pathIndex = -1;
    this.pathTail = '';
  }
}

export class HeldAddress extends LazyPath implements L3Address {
  constructor(
    readonly text: string,
    readonly ip: Ip | null,
    readonly ownerId: string,
    readonly ownerKind: ElementKind,
    readonly role: AddressRole,
    readonly networkId: string | null,
    pathBase: string,
    pathIndex: number,
    pathTail: string,
    readonly linkId?: string,
    readonly itemId?: string,
    readonly block: number = 1,
  ) {
    super(pathBase, pathIndex, pathTail);
  }
}

export class LoweredRange extends LazyPath implements L3Range {
  constructor(
    readonly id: string,
    readonly ownerId: string,
    readonly networkId: string | null,
    readonly purpose: L3RangePurpose,
    /** The document's `start`, or the whole text of a CIDR range (HAProxy VIPs) when `endText` is null. */
    private readonly startText: string,
    private readonly endText: string | null,
    readonly start: Ip | null,
    readonly end: Ip | null,
    pathBase: string,
    pathIndex: number,
    pathTail: string,
  ) {
    super(pathBase, pathIndex, pathTail);
  }

  /** `start-end` as the user wrote them, or the CIDR text. */
  get text(): string {
    return this.endText === null ? this.startText : `${this.startText}-${this.endText}`;
  }
}

/**
 * The list position a record's path ends in (`.../nodes/7/address` -> 7, `.../ranges/2` -> 2),
 * when lower() kept it apart; `undefined` for other records and after `path` was reassigned.
 */
export function listIndexOf(x: object): number | undefined {
  return x instanceof LazyPath && x.pathIndex >= 0 ? x.pathIndex : undefined;
}
