/**
 * vCenter and NSX Manager addresses are held addresses (issue 11 §3): an endpoint equal to vCenter is
 * ipam/duplicate-ip naming both, the Tier-0s of one NSX Manager are one holder, a host name holds
 * nothing, and a ValidationSession edit of the vCenter server gives what a full run gives.
 */
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '@viplane/model';
import { validate, type Diagnostic } from '../src/index.ts';
import { ValidationSession, INCREMENTAL_RULES, diagnosticKey } from '../src/incremental/session.ts';
import { mutate, propsOf, seed000 } from './fixtures/routing.ts';

const { doc, ids } = seed000('3net-kubevip');
const vcenterId = doc.elements.find((e) => e.kind === 'vcenter')!.id;
const duplicates = (d: TopologyDocument) => validate(d).filter((x) => x.ruleId === 'ipam/duplicate-ip');
/** The kube-vip endpoint of tkg-wc1 typed as the vCenter address 192.168.32.10. */
const endpointIsVcenter = (server = '192.168.32.10') =>
  mutate(doc, (d) => {
    propsOf<{ endpoint: { address: string } }>(d, ids.wc).endpoint.address = '192.168.32.10';
    propsOf<{ server: string }>(d, vcenterId).server = server;
  });
const tier0 = (id: string, managerHost: string) => ({
  id,
  kind: 'nsxtTier0' as const,
  name: id,
  position: { x: 0, y: 0 },
  props: { managerHost, staticRoutes: [] },
});

describe('infrastructure addresses are held', () => {
  it('seed 000 has no duplicate', () => {
    expect(duplicates(doc)).toEqual([]);
  });

  it('an endpoint equal to vCenter is ipam/duplicate-ip naming the cluster and the vCenter', () => {
    const found = duplicates(endpointIsVcenter());
    expect(found).toHaveLength(1);
    expect(found[0]!.targets.map((t) => t.id).sort()).toEqual([ids.wc, vcenterId].sort());
  });

  it('a vCenter given by host name holds no address', () => {
    expect(duplicates(endpointIsVcenter('vcenter.lab.local'))).toEqual([]);
  });

  it('two Tier-0s of one NSX Manager are one holder; a node at that address is a duplicate of it', () => {
    const two = mutate(doc, (d) => {
      d.elements.push(tier0('t0-a', '192.168.32.11'), tier0('t0-b', '192.168.32.11'));
    });
    expect(duplicates(two)).toEqual([]);
    const clash = mutate(two, (d) => {
      propsOf<{ endpoint: { address: string } }>(d, ids.wc).endpoint.address = '192.168.32.11';
    });
    const found = duplicates(clash);
    expect(found).toHaveLength(1);
    expect(found[0]!.targets.map((t) => t.id)).toEqual(expect.arrayContaining([ids.wc, 't0-a']));
  });

  it('a session edit of the vCenter server reports what a full run reports', () => {
    const session = new ValidationSession(endpointIsVcenter('vcenter.lab.local'));
    expect(session.diagnostics.filter((x) => x.ruleId === 'ipam/duplicate-ip')).toEqual([]);
    const edited = endpointIsVcenter();
    session.apply(edited, [vcenterId]);
    const local = (list: readonly Diagnostic[]) =>
      list
        .filter((x) => INCREMENTAL_RULES.has(x.ruleId))
        .map(diagnosticKey)
        .sort();
    expect(local(session.diagnostics)).toEqual(local(validate(edited)));
    expect(session.diagnostics.filter((x) => x.ruleId === 'ipam/duplicate-ip')).toHaveLength(1);
  });
});
