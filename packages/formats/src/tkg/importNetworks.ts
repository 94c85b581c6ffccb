/** The networks a TKG config names: found by name across files, created with what is unknown marked. */
import { formatCidr, isParseError, parseCidr, type ElementOf } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { FileReporter } from '../import/report.ts';

export type TkgNetwork = ElementOf<'portGroup'> | ElementOf<'nsxtSegment'>;

export function network(draft: ImportDraft, name: string, r: FileReporter, tier1: ElementOf<'nsxtTier1'> | null): TkgNetwork {
  let found: TkgNetwork | undefined = draft.byName(['portGroup', 'nsxtSegment'], name);
  // An earlier file (without routable pods) made it a port group; this one shows it is the Tier-1's segment.
  if (found && tier1 && found.kind === 'portGroup' && draft.isNew(found)) found = draft.toSegment(found, tier1.id);
  if (found) {
    if (tier1 && found.kind === 'nsxtSegment' && found.props.tier1Id === null && draft.isNew(found)) {
      found.props.tier1Id = tier1.id;
      draft.clearUnknown(found, 'tier1Id');
    }
    return found;
  }
  // With routable pods the Tier-1 routes pod CIDRs to node addresses, so the nodes' network is a
  // segment attached to it (seed 001: tanzu-overlay on tanzu-cl1).
  if (tier1) return draft.add('nsxtSegment', name, { tier1Id: tier1.id }, { by: r, unknown: ['subnet', 'gateway', 'ranges'] });
  return draft.add('portGroup', name, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] });
}

/** The canonical text of a CIDR; one with host bits set stays as written (the validator reports it). */
export function canonicalCidr(text: string): string {
  const parsed = parseCidr(text);
  return isParseError(parsed) || parsed.hostBitsSet ? text : formatCidr(parsed);
}

/** VSPHERE_NETWORK may be an inventory path; the port group (and Avi network) name is its last element. */
export function lastPathElement(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.at(-1) ?? path;
}
