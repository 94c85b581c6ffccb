/**
 * TKG cluster configs against tanzu-framework v0.29.0 config_default.yaml, seed 001's printed
 * configs, the AVI_* fallback order (formats.md §2.3) and the CLI's checks (§2.4).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { PLACEHOLDER_PATTERN, exportConfigs } from '../../src/configs.ts';
import { file, seedBlock, templateExports, tkgDefaults } from './reference.ts';

const defaults = tkgDefaults();
const exports = templateExports();

function tkgFiles(result: ReturnType<typeof exportConfigs>): { path: string; vars: Record<string, unknown> }[] {
  return result.files
    .filter((f) => f.path.startsWith('tkg/'))
    .map((f) => ({ path: f.path, vars: parse(f.content) as Record<string, unknown> }));
}

function build(id: string): TopologyDocument {
  return templates.find((t) => t.id === id)!.build();
}

function cluster(doc: TopologyDocument, name: string): ElementOf<'tkgCluster'> {
  const c = doc.elements.find((e) => e.kind === 'tkgCluster' && e.name === name);
  if (!c) throw new Error(`no cluster ${name}`);
  return c as ElementOf<'tkgCluster'>;
}

describe.each(exports.filter((e) => e.result.files.some((f) => f.path.startsWith('tkg/'))))('$id', ({ id, result }) => {
  it('uses only variables of config_default.yaml, typed as there', () => {
    for (const { path, vars } of tkgFiles(result))
      for (const [key, value] of Object.entries(vars)) {
        expect(Object.keys(defaults), `${path}: ${key}`).toContain(key);
        const def = defaults[key];
        if (def !== null && def !== undefined)
          expect(typeof value, `${path}: ${key} typed like its default ${JSON.stringify(def)}`).toBe(typeof def);
        expect(['string', 'number', 'boolean'], `${path}: ${key} is a flat scalar`).toContain(typeof value);
      }
  });

  it('quotes every string value and writes booleans as YAML booleans', () => {
    for (const f of result.files.filter((x) => x.path.startsWith('tkg/')))
      for (const line of f.content.split('\n')) {
        if (line === '' || line.startsWith('#')) continue;
        expect(line, f.path).toMatch(/^[A-Z0-9_]+: ("([^"\\]|\\.)*"|true|false|\d+)$/);
      }
  });

  it('writes placeholders for secrets', () => {
    for (const { path, vars } of tkgFiles(result))
      for (const key of ['VSPHERE_PASSWORD', 'VSPHERE_SSH_AUTHORIZED_KEY', 'AVI_PASSWORD', 'AVI_CA_DATA_B64', 'NSXT_PASSWORD'])
        if (key in vars) expect(vars[key], `${path} ${key}`).toMatch(PLACEHOLDER_PATTERN);
  });

  it('names the NSX-ALB networks so that the fallback lands on each cluster’s own networks', () => {
    const doc = build(id);
    const wish = (c: ElementOf<'tkgCluster'>) => {
      const name = (netId: string | null) => {
        const n = doc.elements.find((e) => e.id === netId) as ElementOf<'portGroup'> | ElementOf<'nsxtSegment'> | undefined;
        return n ? `${n.name} ${n.props.subnet}` : null;
      };
      const data = name(c.props.workloadVipNetworkId);
      return { data, controlPlane: c.props.controlPlaneVipNetworkId === null ? data : name(c.props.controlPlaneVipNetworkId) };
    };
    const clusters = doc.elements.filter((e): e is ElementOf<'tkgCluster'> => e.kind === 'tkgCluster');
    for (const mgmt of clusters.filter((c) => c.props.role === 'management' && c.props.controllerId !== null)) {
      const vars = tkgFiles(result).find((f) => f.vars['CLUSTER_NAME'] === mgmt.name)!.vars;
      const eff = effective(vars);
      expect(eff.managementData).toBe(wish(mgmt).data);
      expect(eff.managementControlPlane).toBe(wish(mgmt).controlPlane);
      const first = clusters.find((c) => c.props.role === 'workload' && c.props.managementClusterId === mgmt.id);
      if (first) {
        expect(eff.workloadData).toBe(wish(first).data);
        expect(eff.workloadControlPlane).toBe(wish(first).controlPlane);
      }
    }
  });
});

/** An independent reading of formats.md §2.3 (ako_operator_secret.yaml). */
function pair(vars: Record<string, unknown>, name: string, cidr: string): string | null {
  const n = vars[name];
  const c = vars[cidr];
  return typeof n === 'string' && n !== '' && typeof c === 'string' && c !== '' ? `${n} ${c}` : null;
}

function effective(vars: Record<string, unknown>) {
  const data = pair(vars, 'AVI_DATA_NETWORK', 'AVI_DATA_NETWORK_CIDR');
  const mgmtVip = pair(vars, 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_CIDR');
  return {
    workloadData: data,
    workloadControlPlane: pair(vars, 'AVI_CONTROL_PLANE_NETWORK', 'AVI_CONTROL_PLANE_NETWORK_CIDR') ?? mgmtVip ?? data,
    managementData: mgmtVip ?? data,
    managementControlPlane:
      pair(vars, 'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_CIDR') ??
      mgmtVip ??
      data,
  };
}

describe('NSX-ALB fallback order (formats.md §2.3)', () => {
  const net = (doc: TopologyDocument, id: string) => {
    const n = doc.elements.find((e) => e.id === id) as ElementOf<'portGroup'>;
    return `${n.name} ${n.props.subnet}`;
  };

  it('seed 000 3-network ALB design: API VIPs on dp-data-52 for both clusters, apps on dp-data-48', () => {
    const doc = build('seed000-3net-alb');
    const vars = parse(file(exportConfigs(doc), 'tkg/tkg-mgmt.yaml')) as Record<string, unknown>;
    expect(effective(vars)).toEqual({
      workloadData: net(doc, 'dp-data-48'),
      workloadControlPlane: net(doc, 'dp-data-52'),
      managementData: net(doc, 'dp-data-48'),
      managementControlPlane: net(doc, 'dp-data-52'),
    });
    // Only what the fallback would get wrong is written.
    expect(vars).not.toHaveProperty('AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME');
  });

  it('writes AVI_CONTROL_PLANE_NETWORK when a management VIP network would otherwise capture the workload API VIPs', () => {
    const doc = build('seed000-3net-alb');
    const mgmt = cluster(doc, 'tkg-mgmt');
    mgmt.props.workloadVipNetworkId = 'dp-data-52';
    for (const c of [mgmt, cluster(doc, 'tkg-wc1')]) c.props.controlPlaneVipNetworkId = null;
    const vars = parse(file(exportConfigs(doc), 'tkg/tkg-mgmt.yaml')) as Record<string, unknown>;
    // wc1: apps and API on dp-data-48 (null = same as data); mgmt: both on dp-data-52.
    expect(effective(vars)).toEqual({
      workloadData: net(doc, 'dp-data-48'),
      workloadControlPlane: net(doc, 'dp-data-48'),
      managementData: net(doc, 'dp-data-52'),
      managementControlPlane: net(doc, 'dp-data-52'),
    });
    expect(vars['AVI_CONTROL_PLANE_NETWORK']).toBe('dp-data-48');
  });

  it('writes the management SE group only when it differs', () => {
    const doc = build('seed000-3net-alb');
    doc.elements.push({ ...structuredClone(doc.elements.find((e) => e.kind === 'seGroup')!), id: 'se-mgmt', name: 'Mgmt-Group' });
    cluster(doc, 'tkg-mgmt').props.seGroupId = 'se-mgmt';
    const vars = parse(file(exportConfigs(doc), 'tkg/tkg-mgmt.yaml')) as Record<string, unknown>;
    expect(vars['AVI_SERVICE_ENGINE_GROUP']).toBe('Default-Group');
    expect(vars['AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP']).toBe('Mgmt-Group');
  });
});

describe('seed 001 printed configs (docs/seeds/001.md §6.1, §6.2)', () => {
  const result = exports.find((e) => e.id === 'seed001-tkg-routable')!.result;
  /** The keys whose values the design determines (the rest are site choices or secrets). */
  const DESIGN_KEYS = [
    'CLUSTER_NAME',
    'CLUSTER_PLAN',
    'INFRASTRUCTURE_PROVIDER',
    'CLUSTER_CIDR',
    'SERVICE_CIDR',
    'WORKER_MACHINE_COUNT',
    'VSPHERE_SERVER',
    'VSPHERE_DATACENTER',
    'VSPHERE_DATASTORE',
    'VSPHERE_FOLDER',
    'VSPHERE_RESOURCE_POOL',
    'VSPHERE_NETWORK',
    'VSPHERE_CONTROL_PLANE_ENDPOINT',
    'AVI_ENABLE',
    'AVI_CONTROL_PLANE_HA_PROVIDER',
    'AVI_CONTROLLER',
    'AVI_CLOUD_NAME',
    'AVI_SERVICE_ENGINE_GROUP',
    'AVI_DATA_NETWORK',
    'AVI_DATA_NETWORK_CIDR',
    'NSXT_POD_ROUTING_ENABLED',
    'NSXT_MANAGER_HOST',
    'NSXT_ROUTER_PATH',
  ];
  const SECRETS = ['AVI_PASSWORD', 'AVI_CA_DATA_B64', 'VSPHERE_PASSWORD', 'VSPHERE_SSH_AUTHORIZED_KEY', 'NSXT_PASSWORD'];

  it.each([
    ['management.yaml', '### 6.1', 'tkg/mgmt.yaml'],
    ['clsuter01.yaml (cl1)', '### 6.2', 'tkg/cl1.yaml'],
  ])('%s: same design values, placeholders for its secrets', (_name, heading, path) => {
    const seed = parse(seedBlock('001', heading)) as Record<string, unknown>;
    const ours = parse(file(result, path)) as Record<string, unknown>;
    const compared = DESIGN_KEYS.filter((k) => k in seed);
    expect(compared.length).toBeGreaterThan(8);
    // The seed quotes some booleans ("true") and not others: compare as text.
    for (const key of compared) expect(String(ours[key]), key).toBe(String(seed[key]));
    for (const key of SECRETS.filter((k) => k in seed)) expect(ours[key], key).toMatch(PLACEHOLDER_PATTERN);
    // Nothing the design decides is missing from what the seed printed, and nothing extra contradicts it.
    for (const key of DESIGN_KEYS.filter((k) => k in ours && !(k in seed)))
      expect(['WORKER_MACHINE_COUNT', 'AVI_CONTROL_PLANE_HA_PROVIDER', 'NSXT_MANAGER_HOST'], `${path}: ${key} not in the seed`).toContain(
        key,
      );
  });

  it('cl1 has no AVI_* keys but the endpoint provider, as the seed (AKO comes from the management cluster)', () => {
    const ours = parse(file(result, 'tkg/cl1.yaml')) as Record<string, unknown>;
    expect(Object.keys(ours).filter((k) => k.startsWith('AVI_'))).toEqual(['AVI_CONTROL_PLANE_HA_PROVIDER']);
  });
});

describe('the CLI checks (formats.md §2.4)', () => {
  // One list of findings (issue 11 §3): the checks that are facts about the design are validator rules,
  // reported by validate() (canvas, `viplane validate`, /api/validate); the export reports only its own.
  const findings = (doc: TopologyDocument) => [...exportConfigs(doc, { only: ['tkg'] }).diagnostics, ...validate(doc)];
  const ids = (doc: TopologyDocument, ruleId: string) =>
    findings(doc)
      .filter((d) => d.ruleId === ruleId)
      .map((d) => d.targets.map((t) => t.id));
  const exportIds = (doc: TopologyDocument) => exportConfigs(doc, { only: ['tkg'] }).diagnostics.map((d) => d.ruleId);

  it('the templates pass them', () => {
    for (const { id, result } of exports)
      expect(
        result.diagnostics.filter((d) => d.ruleId.startsWith('format/tkg-') && d.severity === 'error'),
        id,
      ).toEqual([]);
  });

  it('cluster name: regex, and at most 25 characters with NSX-ALB (validator rules, not export checks)', () => {
    const doc = build('seed001-tkg-routable');
    cluster(doc, 'cl1').name = 'Cl_1';
    cluster(doc, 'cl2').name = 'workload-cluster-number-02';
    expect(ids(doc, 'tkg/cluster-name-invalid')).toEqual([['workload-cluster-1']]);
    expect(ids(doc, 'tkg/cluster-name-too-long')).toEqual([['workload-cluster-2']]);
    expect(exportIds(doc).filter((id) => id.startsWith('format/tkg-cluster-name'))).toEqual([]);
  });

  it('endpoint: required with kube-vip, not the vCenter, not another cluster’s', () => {
    const kubevip = templates.find((t) => t.id === 'seed001-tkg-routable')!;
    const noEndpoint = kubevip.mutations.find((m) => m.id === 'kubevip-no-endpoint')!.apply(kubevip.build());
    expect(ids(noEndpoint, 'tkg/endpoint-required')).toEqual([['workload-cluster-1']]);
    expect(parse(file(exportConfigs(noEndpoint), 'tkg/cl1.yaml'))).not.toHaveProperty('VSPHERE_CONTROL_PLANE_ENDPOINT');

    const doc = build('seed001-tkg-routable');
    const vcenter = doc.elements.find((e) => e.kind === 'vcenter')!;
    cluster(doc, 'cl1').props.endpoint.address = '10.44.55.100';
    cluster(doc, 'cl2').props.endpoint.address = '172.16.135.240';
    expect(ids(doc, 'tkg/endpoint-is-vcenter')).toEqual([['workload-cluster-1', vcenter.id]]);
    const duplicate = ids(doc, 'ipam/duplicate-ip').filter((t) => t.includes('workload-cluster-2'));
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toContain('management-cluster');
    expect(exportIds(doc).filter((id) => id.startsWith('format/tkg-endpoint'))).toEqual([]);
  });

  it('endpoint with the NSX-ALB provider: on the control-plane VIP network, IPv4', () => {
    const doc = build('seed000-3net-alb');
    cluster(doc, 'tkg-wc1').props.endpoint.address = '192.168.49.10'; // dp-data-48, not the API VIP network dp-data-52
    cluster(doc, 'tkg-mgmt').props.endpoint.address = '192.168.53.10';
    expect(ids(doc, 'tkg/endpoint-outside-vip-network')).toEqual([['workload-cluster-1', 'dp-data-52']]);
  });

  it('CIDRs: parse, one family, SERVICE_CIDR at most 20 host bits', () => {
    const doc = build('seed001-tkg-routable');
    cluster(doc, 'cl1').props.serviceCidr = '100.64.0.0/11';
    cluster(doc, 'cl2').props.podCidr = '172.16.144.0';
    expect(ids(doc, 'format/tkg-service-cidr-too-large')).toEqual([['workload-cluster-1']]);
    expect(ids(doc, 'ipam/invalid-cidr')).toContainEqual(['workload-cluster-2']);
    cluster(doc, 'cl2').props.podCidr = 'fd00:100:96::/48';
    expect(ids(doc, 'tkg/cidr-family-mismatch')).toEqual([['workload-cluster-2']]);
  });

  it('CNI and routable pods: antrea/calico/none, NSX Manager and Tier-1 required', () => {
    const doc = build('seed001-tkg-routable');
    cluster(doc, 'cl1').props.cni = 'flannel';
    (doc.elements.find((e) => e.id === 't0') as ElementOf<'nsxtTier0'>).props.managerHost = '';
    cluster(doc, 'cl2').props.routablePods = { tier1Id: null };
    expect(ids(doc, 'format/tkg-cni')).toEqual([['workload-cluster-1']]);
    expect(ids(doc, 'tkg/routable-pods-need-antrea')).toEqual([['workload-cluster-1']]);
    expect(ids(doc, 'tkg/routable-pods-settings-missing')).toEqual([['workload-cluster-1', 'tanzu-cl1', 't0'], ['workload-cluster-2']]);
    const cl2 = parse(file(exportConfigs(doc), 'tkg/cl2.yaml')) as Record<string, unknown>;
    expect(cl2['NSXT_ROUTER_PATH']).toMatch(PLACEHOLDER_PATTERN);
  });

  it('NSX-ALB: data network with a CIDR, Controller address', () => {
    const doc = build('seed000-2net');
    (doc.elements.find((e) => e.id === 'dp-data-48') as ElementOf<'portGroup'>).props.subnet = null;
    doc.links = doc.links.filter((l) => l.from !== 'avi-controller');
    expect(ids(doc, 'tkg/alb-settings-missing').sort()).toEqual([
      ['management-cluster', 'avi-controller'],
      ['management-cluster', 'dp-data-48'],
    ]);
    const vars = parse(file(exportConfigs(doc), 'tkg/tkg-mgmt.yaml')) as Record<string, unknown>;
    expect(vars['AVI_CONTROLLER']).toMatch(PLACEHOLDER_PATTERN);
    expect(vars).not.toHaveProperty('AVI_DATA_NETWORK_CIDR');
  });

  it('missing vSphere inventory values become placeholders with a warning', () => {
    const result = exports.find((e) => e.id === 'seed000-1net')!.result;
    const vars = parse(file(result, 'tkg/tkg-mgmt.yaml')) as Record<string, unknown>;
    expect(vars['VSPHERE_DATACENTER']).toBe('<VSPHERE_DATACENTER>');
    expect(result.diagnostics.find((d) => d.ruleId === 'format/tkg-vsphere-value-missing')?.severity).toBe('warning');
  });
});
