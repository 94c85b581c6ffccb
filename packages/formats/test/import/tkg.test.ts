/**
 * TKG cluster-config import (issue 6): seed 001's own files, the seed's mistakes, the error
 * reporting (syntax, bad values, typo keys, secrets), merging into an open design, and the layout.
 */
import { describe, expect, it } from 'vitest';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';
import { validate, type Diagnostic } from '@viplane/validator';
import { importFiles, importFilesSync } from '../../src/import/index.ts';
import { seedBlock } from '../config/reference.ts';

const management = seedBlock('001', '### 6.1');
const cl1 = seedBlock('001', '### 6.2');
const seedFiles = (cl1Text = cl1) => [
  { name: 'management.yaml', content: management },
  { name: 'clsuter01.yaml', content: cl1Text },
];

function el<K extends ElementOf<never>['kind'] | string>(doc: TopologyDocument, kind: K, name: string) {
  const found = doc.elements.find((e) => e.kind === kind && e.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${doc.elements.map((e) => `${e.kind}:${e.name}`).join(', ')}`);
  return found;
}
const byRule = (list: readonly Diagnostic[], ruleId: string) => list.filter((d) => d.ruleId === ruleId);
const errors = (list: readonly Diagnostic[]) => list.filter((d) => d.severity === 'error');

describe("seed 001's management and cl1 configs, as printed in the seed", () => {
  const result = importFilesSync(seedFiles());
  const doc = result.document!;

  it('import with no import errors into one design', () => {
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.files).toEqual([
      { name: 'management.yaml', format: 'tkg' },
      { name: 'clsuter01.yaml', format: 'tkg' },
    ]);
  });

  it('give the clusters with their seed values, cl1 linked to the management cluster', () => {
    const mgmt = el(doc, 'tkgCluster', 'mgmt') as ElementOf<'tkgCluster'>;
    const c1 = el(doc, 'tkgCluster', 'cl1') as ElementOf<'tkgCluster'>;
    expect(mgmt.props).toMatchObject({
      role: 'management',
      plan: 'dev',
      podCidr: '100.96.0.0/11',
      serviceCidr: '100.64.0.0/13',
      endpoint: { provider: 'kube-vip', address: '172.16.135.240' },
      routablePods: null,
    });
    expect(c1.props).toMatchObject({
      role: 'workload',
      managementClusterId: mgmt.id,
      workerCount: 2,
      podCidr: '172.16.136.0/21',
      endpoint: { provider: 'kube-vip', address: '172.16.135.250' },
    });
    // NSX-ALB reaches cl1 through the AKO operator (AVI_LABELS empty = every cluster).
    expect(c1.props.controllerId).toBe(mgmt.props.controllerId);
    expect(c1.props.workloadVipNetworkId).toBe(mgmt.props.workloadVipNetworkId);
  });

  it('give the NSX-T routing: Tier-1 tanzu-cl1 from NSXT_ROUTER_PATH, the node network a segment on it', () => {
    const t1 = el(doc, 'nsxtTier1', 'tanzu-cl1');
    const segment = el(doc, 'nsxtSegment', 'tanzu-overlay') as ElementOf<'nsxtSegment'>;
    const c1 = el(doc, 'tkgCluster', 'cl1') as ElementOf<'tkgCluster'>;
    expect(c1.props.routablePods).toEqual({ tier1Id: t1.id });
    expect(segment.props).toMatchObject({ tier1Id: t1.id, subnet: '172.16.128.0/21', dhcp: true });
    expect(c1.props.nodeNetworkId).toBe(segment.id);
    // What the files cannot say is explicit, not invented.
    expect(t1.unknown).toEqual(['routeAdvertisement', 'tier0Id']);
    expect(segment.unknown).toEqual(['gateway', 'ranges']);
  });

  it('validate with no errors; the unknown values come back as info', () => {
    const diagnostics = validate(doc);
    expect(errors(diagnostics)).toEqual([]);
    const unknown = byRule(diagnostics, 'design/unknown-value');
    expect(unknown.map((d) => d.targets[0]!.id)).toContain('tanzu-cl1');
    expect(unknown.every((d) => d.severity === 'info')).toBe(true);
  });

  it('keep the vCenter inventory and every known variable the design does not model; never a credential', () => {
    const vc = el(doc, 'vcenter', 'vCenter 10.44.55.100') as ElementOf<'vcenter'>;
    expect(vc.props).toMatchObject({
      server: '10.44.55.100',
      datacenter: '/DC',
      datastore: '/DC/datastore/NFS',
      resourcePool: '/DC/host/CL/Resources/Tanzu',
    });
    const c1 = el(doc, 'tkgCluster', 'cl1');
    expect(c1.extras).toMatchObject({
      ENABLE_MHC: true,
      MHC_FALSE_STATUS_TIMEOUT: '12m',
      OS_NAME: 'photon',
      NSXT_MANAGER_HOST: '10.44.55.101',
      VSPHERE_STORAGE_POLICY_ID: 'tkg',
    });
    const text = JSON.stringify(doc);
    for (const secret of ['NSXTPASSWORD', 'administrator@vsphere.local', 'ssh-rsa', '<encoded:', 'XXXXXXXX'])
      expect(text).not.toContain(secret);
    const dropped = byRule(result.diagnostics, 'import/secret-dropped');
    expect(dropped.map((d) => d.data['file'])).toEqual(['management.yaml', 'clsuter01.yaml']);
    expect(dropped[1]!.data['keys']).toEqual(expect.arrayContaining(['NSXT_PASSWORD', 'VSPHERE_PASSWORD', 'VSPHERE_SSH_AUTHORIZED_KEY']));
  });

  it("with CLUSTER_CIDR set to the node network's subnet, show ipam/cluster-cidr-overlap on cl1 and tanzu-overlay", () => {
    const bad = importFilesSync(seedFiles(cl1.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.128.0/21')));
    const overlap = byRule(validate(bad.document!), 'ipam/cluster-cidr-overlap');
    expect(overlap).toHaveLength(1);
    expect(overlap[0]!.targets.map((t) => t.id).sort()).toEqual(['cl1', 'tanzu-overlay']);
  });

  it('with a /25 routable CLUSTER_CIDR, show nsxt/pod-cidr-too-small (seed 001 L127)', () => {
    const bad = importFilesSync(seedFiles(cl1.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.136.0/25')));
    expect(byRule(validate(bad.document!), 'nsxt/pod-cidr-too-small').map((d) => d.targets[0]!.id)).toEqual(['cl1']);
  });
});

describe('reporting', () => {
  const one = (content: string, name = 'cl.yaml') => importFilesSync([{ name, content }], { format: 'tkg' });

  it('a YAML syntax error gives the line and column, and no design', () => {
    const r = one('CLUSTER_NAME: cl1\nCLUSTER_PLAN: [dev\nCNI: antrea\n');
    expect(r.document).toBeNull();
    const [syntax] = byRule(r.diagnostics, 'import/syntax');
    expect(syntax).toMatchObject({ severity: 'error', data: { file: 'cl.yaml', line: expect.any(Number), column: expect.any(Number) } });
    expect(syntax!.data['line']).toBeGreaterThanOrEqual(2);
    expect(syntax!.message).toMatch(/^cl\.yaml:\d+:\d+: not valid JSON or YAML/);
  });

  it('a typo key is a warning naming the key, its line and the likely meant key, and is kept', () => {
    const r = one('CLUSTER_NAME: cl1\nAVI_DATA_NETWORK_CDIR: 10.0.0.0/24\n');
    const [typo] = byRule(r.diagnostics, 'import/unknown-key');
    expect(typo).toMatchObject({ severity: 'warning', data: { key: 'AVI_DATA_NETWORK_CDIR', line: 2, column: 1, value: '10.0.0.0/24' } });
    expect(typo!.message).toContain('did you mean AVI_DATA_NETWORK_CIDR');
    expect(el(r.document!, 'tkgCluster', 'cl1').extras).toMatchObject({ AVI_DATA_NETWORK_CDIR: '10.0.0.0/24' });
  });

  it('a known key with a bad value names the key, the value and what was expected', () => {
    const r = one('CLUSTER_NAME: cl1\nWORKER_MACHINE_COUNT: many\nCLUSTER_CIDR: 10.0.0/8\nCLUSTER_PLAN: large\n');
    const bad = byRule(r.diagnostics, 'import/bad-value');
    expect(bad.map((d) => [d.data['key'], d.data['value'], d.data['line']])).toEqual([
      ['CLUSTER_PLAN', 'large', 4],
      ['WORKER_MACHINE_COUNT', 'many', 2],
      ['CLUSTER_CIDR', '10.0.0/8', 3],
    ]);
    for (const d of bad) expect(d.data['expected']).toEqual(expect.any(String));
  });

  it('a file of no known format is an error naming the formats Viplane reads', () => {
    const r = importFilesSync([{ name: 'notes.yaml', content: 'hello: world\n' }]);
    expect(r.document).toBeNull();
    expect(byRule(r.diagnostics, 'import/unknown-format')[0]!.message).toContain('TKG cluster config');
  });

  it("without CIDRs, machine counts and VSPHERE_NETWORK, TKG's documented defaults apply, each with an info", () => {
    const r = one('CLUSTER_NAME: cl1\nCLUSTER_PLAN: prod\n');
    const doc = r.document!;
    expect(el(doc, 'tkgCluster', 'cl1').props).toMatchObject({
      podCidr: '100.96.0.0/11',
      serviceCidr: '100.64.0.0/13',
      controlPlaneCount: 3,
      workerCount: 3,
    });
    expect(el(doc, 'portGroup', 'VM Network').unknown).toEqual(['gateway', 'ranges', 'subnet', 'vlan']);
    const infos = byRule(r.diagnostics, 'import/default-applied');
    expect(infos.every((d) => d.severity === 'info')).toBe(true);
    for (const key of ['CONTROL_PLANE_MACHINE_COUNT', 'CLUSTER_CIDR', 'SERVICE_CIDR', 'VSPHERE_NETWORK'])
      expect(
        infos.some((d) => d.message.includes(key)),
        key,
      ).toBe(true);
    expect(infos.map((d) => d.data['key']).filter(Boolean)).toEqual(['CLUSTER_CIDR', 'SERVICE_CIDR', 'VSPHERE_NETWORK']);
  });
});

describe('merging into an open design', () => {
  const template = templates.find((t) => t.id === 'seed001-tkg-routable')!.build();

  it('matches the cluster and networks by name: nothing duplicated, a changed value is a warning naming both', () => {
    const r = importFilesSync([{ name: 'clsuter01.yaml', content: cl1.replace('WORKER_MACHINE_COUNT: 2', 'WORKER_MACHINE_COUNT: 5') }], {
      into: template,
    });
    const doc = r.document!;
    expect(doc.elements.filter((e) => e.kind === 'tkgCluster' && e.name === 'cl1')).toHaveLength(1);
    expect(doc.elements.filter((e) => e.name === 'tanzu-overlay')).toHaveLength(1);
    expect((el(doc, 'tkgCluster', 'cl1') as ElementOf<'tkgCluster'>).props.workerCount).toBe(5);
    const conflicts = byRule(r.diagnostics, 'import/conflict');
    expect(conflicts.map((d) => [d.data['key'], d.data['value'], d.data['previous']])).toEqual([['WORKER_MACHINE_COUNT', 5, 2]]);
    // Elements the user drew never become "unknown".
    expect(doc.elements.filter((e) => e.unknown && !r.created.includes(e.id))).toEqual([]);
    expect(errors(validate(doc))).toEqual([]);
  });
});

describe('layout', () => {
  it('places every new element without overlap, clusters left of the networks they use', async () => {
    const { document } = await importFiles(seedFiles());
    const boxes = document!.elements.map((e) => ({ id: e.id, kind: e.kind, ...e.position }));
    for (const a of boxes)
      for (const b of boxes)
        if (a.id < b.id) expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 80, `${a.id} overlaps ${b.id}`).toBe(true);
    const x = (kind: string) => boxes.filter((b) => b.kind === kind).map((b) => b.x);
    expect(Math.max(...x('tkgCluster'))).toBeLessThan(Math.min(...x('nsxtSegment')));
  });
});
