/**
 * Import keeps the evidence (issue 11 §4): a value a file gets wrong is an import error at its
 * file:line:column and the field becomes unknown — never the format's default, which the validator
 * would then judge as if the file had said it (a default CLUSTER_CIDR overlapping another cluster's).
 * Every importer: TKG, AKO, TKC, acc-provision. And each AKO values file is one AKO installation.
 */
import { describe, expect, it } from 'vitest';
import type { Element, TopologyDocument } from '@viplane/model';
import { validate } from '@viplane/validator';
import { importFilesSync, type ImportResult } from '../../src/import/index.ts';
import { seedBlock } from '../config/reference.ts';

const management = seedBlock('001', '### 6.1');
const cl1 = seedBlock('001', '### 6.2');

/** The 1-based line and column of `needle`'s first occurrence at the start of a line's content. */
function position(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith(needle));
  if (line < 0) throw new Error(`no line starts with ${needle}`);
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

function element(doc: TopologyDocument | null, kind: string, name?: string): Element {
  const found = doc?.elements.find((e) => e.kind === kind && (name === undefined || e.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
}

const badValues = (r: ImportResult) => r.diagnostics.filter((d) => d.ruleId === 'import/bad-value');
const at = (obj: unknown, path: string) => path.split('.').reduce((o, k) => (o as Record<string, unknown>)[k], obj);

describe('TKG: a bad value is an error at its position and the field is unknown, not defaulted', () => {
  it('CLUSTER_CIDR 172.16.136.0/33 in seed 001 cl1: error at the key, podCidr unknown and empty, no false overlap', () => {
    const text = cl1.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.136.0/33');
    const r = importFilesSync([
      { name: 'management.yaml', content: management },
      { name: 'cl1.yaml', content: text },
    ]);
    const [bad, ...more] = badValues(r);
    expect(more).toEqual([]);
    expect(bad!.severity).toBe('error');
    expect(bad!.data).toMatchObject({ file: 'cl1.yaml', key: 'CLUSTER_CIDR', value: '172.16.136.0/33', ...position(text, 'CLUSTER_CIDR') });
    expect(bad!.message).toMatch(new RegExp(`^cl1\\.yaml:${position(text, 'CLUSTER_CIDR').line}:\\d+: `));

    const c1 = element(r.document, 'tkgCluster', 'cl1');
    expect(at(c1.props, 'podCidr')).toBe('');
    expect(c1.unknown).toContain('podCidr');
    const diagnostics = validate(r.document!);
    // The tanzu CLI's default 100.96.0.0/11 would have overlapped the management cluster's own default.
    expect(diagnostics.filter((d) => d.ruleId === 'ipam/cluster-cidr-overlap')).toEqual([]);
    const unknown = diagnostics.find((d) => d.ruleId === 'design/unknown-value' && d.targets.some((t) => t.id === c1.id));
    expect(unknown?.data['fields']).toContain('podCidr');
  });

  // key, bad value, the field that becomes unknown, its value then (text fields are emptied).
  const cases: [string, string, string, unknown][] = [
    ['SERVICE_CIDR', '100.64.0.0/13x', 'serviceCidr', ''],
    ['CLUSTER_PLAN', 'large', 'plan', undefined],
    ['CONTROL_PLANE_MACHINE_COUNT', 'three', 'controlPlaneCount', undefined],
    ['WORKER_MACHINE_COUNT', '-1', 'workerCount', undefined],
    ['CNI', 'weave', 'cni', undefined],
    ['AVI_CONTROL_PLANE_HA_PROVIDER', 'maybe', 'endpoint.provider', undefined],
    ['NSXT_POD_ROUTING_ENABLED', 'yes please', 'routablePods', null],
  ];
  it.each(cases)('%s: %s -> %s unknown', (key, value, field, expected) => {
    const text = `CLUSTER_NAME: cl9\nVSPHERE_SERVER: 10.0.0.10\n${key}: "${value}"\nVSPHERE_NETWORK: pg-nodes\n`;
    const r = importFilesSync([{ name: 'cl9.yaml', content: text }]);
    const bad = badValues(r).find((d) => d.data['key'] === key);
    expect(bad?.data).toMatchObject({ file: 'cl9.yaml', line: 3, column: 1, value });
    const cluster = element(r.document, 'tkgCluster', 'cl9');
    expect(cluster.unknown).toContain(field);
    if (expected !== undefined) expect(at(cluster.props, field)).toEqual(expected);
    // No "default applied" for a key the file did give.
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/default-applied' && JSON.stringify(d).includes(key))).toEqual([]);
  });

  it('a bad plan leaves the counts the plan would give unknown too; a bad TKG_IP_FAMILY leaves the default CIDRs unknown', () => {
    const plan = importFilesSync([{ name: 'a.yaml', content: 'CLUSTER_NAME: a\nCLUSTER_PLAN: huge\n' }]);
    expect(element(plan.document, 'tkgCluster').unknown).toEqual(expect.arrayContaining(['plan', 'controlPlaneCount', 'workerCount']));
    const family = importFilesSync([{ name: 'b.yaml', content: 'CLUSTER_NAME: b\nTKG_IP_FAMILY: ipv5\n' }]);
    const b = element(family.document, 'tkgCluster');
    expect(b.unknown).toEqual(expect.arrayContaining(['podCidr', 'serviceCidr']));
    expect(b.props).toMatchObject({ podCidr: '', serviceCidr: '' });
  });

  it('a VIP network whose CIDR is unusable is still the named network, its subnet unknown', () => {
    const text = management.replace(/AVI_DATA_NETWORK_CIDR: .*/, 'AVI_DATA_NETWORK_CIDR: 10.0.0.0/99');
    const r = importFilesSync([{ name: 'management.yaml', content: text }]);
    expect(badValues(r).map((d) => d.data['key'])).toEqual(['AVI_DATA_NETWORK_CIDR']);
    const mgmt = element(r.document, 'tkgCluster', 'mgmt');
    const vip = r.document!.elements.find((e) => e.id === (mgmt.props as { workloadVipNetworkId: string }).workloadVipNetworkId)!;
    expect(vip.unknown).toContain('subnet');
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/incomplete-pair')).toEqual([]);
  });
});

describe('AKO values: a bad value is an error at its position and the field is unknown, not the chart default', () => {
  const values = (extra: { ako?: string; l7?: string; ctl?: string; net?: string }) =>
    `AKOSettings:\n  clusterName: c1\n${extra.ako ?? ''}L7Settings:\n${extra.l7 ?? ''}ControllerSettings:\n  controllerHost: 10.0.0.5\n${extra.ctl ?? ''}NetworkSettings:\n${
      extra.net ?? '  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/24\n'
    }`;
  const ako = (r: ImportResult) => element(r.document, 'ako');

  it('serviceType: the mode is unknown (not ClusterIP static-route)', () => {
    const text = values({ l7: '  serviceType: LoadBalancer\n' });
    const r = importFilesSync([{ name: 'v.yaml', content: text }]);
    expect(badValues(r)[0]!.data).toMatchObject({ key: 'L7Settings.serviceType', ...position(text, 'serviceType') });
    expect(ako(r).unknown).toContain('mode');
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/default-applied' && d.data['key'] === 'L7Settings.serviceType')).toEqual([]);
  });

  it('disableStaticRouteSync with ClusterIP: the mode is unknown; shardVSSize and defaultIngController: their ingress fields', () => {
    const r = importFilesSync([
      {
        name: 'v.yaml',
        content: values({ ako: '  disableStaticRouteSync: perhaps\n', l7: '  shardVSSize: HUGE\n  defaultIngController: [x]\n' }),
      },
    ]);
    expect(ako(r).unknown).toEqual(expect.arrayContaining(['mode', 'ingress.shardSize', 'ingress.enabled']));
  });

  it('cloudName and serviceEngineGroupName: the Controller cloud and the SE group are unknown, no Default-Group invented', () => {
    const r = importFilesSync([{ name: 'v.yaml', content: values({ ctl: '  cloudName: {a: 1}\n  serviceEngineGroupName: [g1, g2]\n' }) }]);
    expect(badValues(r).map((d) => d.data['key'])).toEqual(['ControllerSettings.cloudName', 'ControllerSettings.serviceEngineGroupName']);
    const controller = element(r.document, 'aviController');
    expect(controller.unknown).toContain('cloudName');
    expect((controller.props as { cloudName: string }).cloudName).toBe('');
    expect(ako(r).unknown).toContain('seGroupId');
    expect(r.document!.elements.filter((e) => e.kind === 'seGroup')).toEqual([]);
  });

  it('a VIP CIDR that is not a CIDR: the named network is the VIP network, its subnet unknown', () => {
    const r = importFilesSync([
      { name: 'v.yaml', content: values({ net: '  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/40\n' }) },
    ]);
    expect(badValues(r)[0]!.data).toMatchObject({ key: 'NetworkSettings.vipNetworkList.0.cidr', line: 9, column: 7 });
    const a = ako(r);
    const vip = element(r.document, 'portGroup', 'vip');
    expect((a.props as { vipNetworkId: string }).vipNetworkId).toBe(vip.id);
    expect(vip.unknown).toContain('subnet');
  });

  it('a nodeNetworkList that is not a list: the node network is unknown', () => {
    const r = importFilesSync([
      {
        name: 'v.yaml',
        content: values({ net: '  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/24\n  nodeNetworkList: pg-nodes\n' }),
      },
    ]);
    expect(badValues(r)[0]!.data['key']).toBe('NetworkSettings.nodeNetworkList');
    expect(ako(r).unknown).toContain('nodeNetworkId');
  });
});

describe('AKO values files with the same clusterName', () => {
  const file = (name: string) => ({
    name,
    content:
      'AKOSettings:\n  clusterName: shared\nControllerSettings:\n  controllerHost: 10.0.0.5\nNetworkSettings:\n  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/24\n',
  });

  it('are two AKO installations, and ako/cluster-name-duplicate names both', () => {
    const r = importFilesSync([file('a.yaml'), file('b.yaml')]);
    const akos = r.document!.elements.filter((e) => e.kind === 'ako');
    expect(akos).toHaveLength(2);
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/conflict')).toEqual([]);
    const duplicate = validate(r.document!).filter((d) => d.ruleId === 'ako/cluster-name-duplicate');
    expect(duplicate).toHaveLength(1);
    const controller = r.document!.elements.find((e) => e.kind === 'aviController')!;
    expect(duplicate[0]!.targets.map((t) => t.id).sort()).toEqual([...akos.map((a) => a.id), controller.id].sort());
  });

  it('re-importing one values file into a design that has its AKO updates that AKO', () => {
    const first = importFilesSync([file('a.yaml')]);
    const again = importFilesSync([file('a.yaml')], { into: first.document! });
    expect(again.document!.elements.filter((e) => e.kind === 'ako')).toHaveLength(1);
  });
});

describe('TKC and acc-provision: a bad value makes the field unknown', () => {
  const manifest = (controlPlane: string, network = '') =>
    `apiVersion: run.tanzu.vmware.com/v1alpha3\nkind: TanzuKubernetesCluster\nmetadata:\n  name: tkc-a\n  namespace: ns-a\nspec:\n  topology:\n    controlPlane:\n${controlPlane}      vmClass: c\n      storageClass: s\n    nodePools:\n      - name: np\n        replicas: 1\n        vmClass: c\n        storageClass: s\n${network}`;

  it('controlPlane.replicas not a number: controlPlaneCount unknown, no CRD default info', () => {
    const r = importFilesSync([{ name: 't.yaml', content: manifest('      replicas: three\n') }]);
    expect(badValues(r)[0]!.data).toMatchObject({ key: 'spec.topology.controlPlane.replicas', line: 9 });
    expect(element(r.document, 'tkc').unknown).toContain('controlPlaneCount');
    expect(
      r.diagnostics.some((d) => d.ruleId === 'import/default-applied' && d.data['key'] === 'spec.topology.controlPlane.replicas'),
    ).toBe(false);
  });

  it('a services CIDR block that is not a CIDR: serviceCidrBlocks unknown and empty, not the default 10.96.0.0/12', () => {
    const net = '  settings:\n    network:\n      services:\n        cidrBlocks: [10.96.0.0/33]\n';
    const r = importFilesSync([{ name: 't.yaml', content: manifest('      replicas: 1\n', net) }]);
    expect(badValues(r)[0]!.data['key']).toBe('spec.settings.network.services.cidrBlocks.0');
    const tkc = element(r.document, 'tkc');
    expect(tkc.unknown).toContain('serviceCidrBlocks');
    expect((tkc.props as { serviceCidrBlocks: string[] }).serviceCidrBlocks).toEqual([]);
  });

  it('acc-provision: a pod subnet without a prefix is unknown (null), not invented', () => {
    const input = `aci_config:\n  system_id: kube01\n  apic_hosts: [10.1.1.101]\n  aep: kube-aep\n  vrf: {name: kube-vrf, tenant: common}\nnet_config:\n  node_subnet: 10.1.0.1/16\n  pod_subnet: 10.2.0.1\n  extern_dynamic: 10.3.0.1/24\n  extern_static: 10.4.0.1/24\n  node_svc_subnet: 10.5.0.1/24\n  kubeapi_vlan: 4001\n  service_vlan: 4003\n`;
    const r = importFilesSync([{ name: 'acc.yaml', content: input }]);
    expect(badValues(r)[0]!.data).toMatchObject({ key: 'net_config.pod_subnet', line: 8 });
    const fabric = element(r.document, 'aciFabric');
    expect(fabric.unknown).toContain('podSubnet');
    expect((fabric.props as { podSubnet: string | null }).podSubnet).toBeNull();
  });
});
