/**
 * vSphere with Tanzu: HAProxy OVA options and Supervisor settings (formats.md §5), and
 * TanzuKubernetesCluster manifests against the v1alpha2 CRD (§7).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import type { ElementOf } from '@viplane/model';
import { exportConfigs } from '../../src/configs.ts';
import { file, seedBlock, templateExports, tkcSchema, tkcValidator, unknownKeys } from './reference.ts';

const exports = templateExports();
const validateTkc = tkcValidator();

/** OVF properties of the HAProxy OVA (formats.md §5.1). */
const OVF_KEYS = [
  'appliance.root_pwd',
  'appliance.permit_root_login',
  'appliance.ca_cert',
  'appliance.ca_cert_key',
  'network.hostname',
  'network.nameservers',
  'network.management_ip',
  'network.management_gateway',
  'network.workload_ip',
  'network.workload_gateway',
  'network.additional_workload_networks',
  'network.frontend_ip',
  'network.frontend_gateway',
  'loadbalance.service_ip_range',
  'loadbalance.dataplane_port',
  'loadbalance.haproxy_user',
  'loadbalance.haproxy_pwd',
];
const GOVC_KEYS = [
  'Deployment',
  'DiskProvisioning',
  'IPAllocationPolicy',
  'IPProtocol',
  'PropertyMapping',
  'NetworkMapping',
  'PowerOn',
  'InjectOvfEnv',
  'WaitForIP',
  'Name',
  'Annotation',
  'MarkAsTemplate',
];

function v4(text: string): number {
  return text.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}
function cidrBounds(text: string): [number, number] {
  const [addr, prefix] = text.split('/');
  const start = v4(addr!);
  return [start, start + 2 ** (32 - Number(prefix)) - 1];
}

const tanzu = exports.filter((e) => e.result.files.some((f) => f.path.startsWith('haproxy/')));

describe.each(tanzu)('$id HAProxy', ({ id, result }) => {
  const doc = templates.find((t) => t.id === id)!.build();
  const hp = doc.elements.find((e) => e.kind === 'haproxy') as ElementOf<'haproxy'>;
  const options = JSON.parse(file(result, `haproxy/${hp.name}-ova-options.json`)) as {
    Deployment: string;
    PropertyMapping: { Key: string; Value: string }[];
    NetworkMapping: { Name: string; Network: string }[];
  };
  const prop = (k: string) => options.PropertyMapping.find((p) => p.Key === k)?.Value;

  it('is a govc import.ova options file with OVA property keys only', () => {
    for (const k of Object.keys(options)) expect(GOVC_KEYS).toContain(k);
    for (const p of options.PropertyMapping) {
      expect(OVF_KEYS).toContain(p.Key);
      expect(typeof p.Value).toBe('string');
    }
    expect(options.Deployment).toBe(hp.props.topology);
    const nics = hp.props.topology === 'frontend' ? ['Management', 'Workload', 'Frontend'] : ['Management', 'Workload'];
    expect(options.NetworkMapping.map((n) => n.Name)).toEqual(nics);
  });

  it('has static ip/prefix interfaces, the VIP CIDRs and the data-plane port', () => {
    expect(prop('network.management_ip')).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    expect(prop('network.workload_ip')).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    expect(prop('network.management_gateway')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(prop('loadbalance.service_ip_range')).toBe(hp.props.vipRanges.join(','));
    expect(prop('loadbalance.dataplane_port')).toBe(String(hp.props.dataPlanePort));
    // The HAProxy's own workload network is never an "additional" one.
    const workloadIp = v4(prop('network.workload_ip')!.split('/')[0]!);
    for (const extra of (prop('network.additional_workload_networks') ?? '').split(',').filter((x) => x !== '')) {
      const [s, e] = cidrBounds(extra);
      expect(s <= workloadIp && workloadIp <= e, extra).toBe(false);
    }
  });

  it('gives the Supervisor start + count ranges inside the VIP CIDRs', () => {
    const lb = JSON.parse(file(result, 'haproxy/Supervisor-load-balancer.json')) as {
      provider: string;
      address_ranges: { address: string; count: number }[];
      ha_proxy_config_create_spec: { servers: { host: string; port: number }[] };
    };
    expect(lb.provider).toBe('HA_PROXY');
    expect(lb.address_ranges.length).toBeGreaterThan(0);
    const vips = hp.props.vipRanges.map(cidrBounds);
    for (const r of lb.address_ranges) {
      const start = v4(r.address);
      const end = start + r.count - 1;
      expect(
        vips.some(([s, e]) => s <= start && end <= e),
        `${r.address}+${r.count}`,
      ).toBe(true);
    }
    expect(lb.ha_proxy_config_create_spec.servers).toEqual([
      { host: prop('network.management_ip')!.split('/')[0], port: hp.props.dataPlanePort },
    ]);
  });

  it('gives the workload networks: exactly one primary, ranges as start + count', () => {
    const nets = JSON.parse(file(result, 'haproxy/Supervisor-workload-networks.json')) as {
      enable_spec: {
        workload_networks_spec: {
          supervisor_primary_workload_network: { vsphere_network: { address_ranges: { count: number }[]; subnet_mask: string } };
        };
      };
      network_create_specs: unknown[];
    };
    const primary = nets.enable_spec.workload_networks_spec.supervisor_primary_workload_network;
    expect(primary.vsphere_network.subnet_mask).toMatch(/^255\./);
    expect(primary.vsphere_network.address_ranges[0]!.count).toBeGreaterThanOrEqual(3);
    const wns = doc.elements.filter((e) => e.kind === 'workloadNetwork');
    expect(nets.network_create_specs).toHaveLength(wns.length - 1);
  });
});

describe('seed 002 /24 example', () => {
  it('VIPs 192.168.120.128/25 become 192.168.120.128 + 127 (the /24 broadcast stays out)', () => {
    const lb = JSON.parse(file(exports.find((e) => e.id === 'seed002-one-24')!.result, 'haproxy/Supervisor-load-balancer.json')) as {
      address_ranges: unknown[];
    };
    expect(lb.address_ranges).toEqual([{ address: '192.168.120.128', count: 127 }]);
  });

  it('a management interface without a static address is an error', () => {
    const doc = templates.find((t) => t.id === 'seed002-one-24')!.build();
    doc.links.find((l) => l.id === 'haproxy-01--mgmt-pg')!.addressMode = 'dhcp';
    const d = exportConfigs(doc, { only: ['haproxy'] }).diagnostics.filter((x) => x.ruleId === 'format/haproxy-static-ip');
    expect(d.map((x) => x.targets.map((t) => t.id))).toEqual([['haproxy-01', 'haproxy-01--mgmt-pg']]);
  });
});

const manifests = exports.flatMap(({ id, result }) =>
  result.files
    .filter((f) => f.path.startsWith('tkc/'))
    .map((f) => ({ id, path: f.path, manifest: parse(f.content) as Record<string, unknown> })),
);

describe.each(manifests)('$id $path', ({ manifest }) => {
  it('validates against the TKC CRD (v1alpha2) with known keys only', () => {
    const ok = validateTkc(manifest);
    expect(validateTkc.errors ?? [], JSON.stringify(validateTkc.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(unknownKeys(manifest, tkcSchema())).toEqual([]);
  });

  it('omits pods.cidrBlocks with antrea-nsx-routed', () => {
    const net = (manifest as { spec: { settings: { network: { cni?: { name: string }; pods?: unknown } } } }).spec.settings.network;
    if (net.cni?.name === 'antrea-nsx-routed') expect(net).not.toHaveProperty('pods');
  });
});

describe('TKC checker sanity', () => {
  it('rejects a missing vmClass and a string replicas, and finds unknown keys', () => {
    const bad = {
      apiVersion: 'run.tanzu.vmware.com/v1alpha2',
      kind: 'TanzuKubernetesCluster',
      metadata: { name: 'x' },
      spec: { topology: { controlPlane: { replicas: '3', storageClass: 's' }, nodePools: [] } },
    };
    expect(validateTkc(bad)).toBe(false);
    expect(unknownKeys({ spec: { topology: { controlPlane: { vmclass: 'x' } } } }, tkcSchema())).toEqual([
      '.spec.topology.controlPlane.vmclass',
    ]);
  });
});

describe('seed 001 TKC manifest (docs/seeds/001.md §6.10)', () => {
  it('matches the seed except serviceDomain (not in the design) and the empty pods block (left out)', () => {
    const seed = parse(seedBlock('001', '### 6.10')) as { spec: { settings: { network: Record<string, unknown> } } } & Record<
      string,
      unknown
    >;
    const ours = parse(
      file(exports.find((e) => e.id === 'seed001-tkgs-routable')!.result, 'tkc/routable-ns-routablepods.yaml'),
    ) as typeof seed;
    expect(seed.spec.settings.network['pods']).toEqual({ cidrBlocks: null });
    expect(validateTkc(seed)).toBe(false); // why the pods block is left out: null is not an array
    delete seed.spec.settings.network['pods'];
    delete seed.spec.settings.network['serviceDomain'];
    expect({ ...ours, metadata: { name: (ours['metadata'] as { name: string }).name } }).toEqual(seed);
  });

  it('routed CNI in a NAT namespace, with pods.cidrBlocks: validator errors (shown before export), not export checks', () => {
    const t = templates.find((x) => x.id === 'seed001-tkgs-routable')!;
    const doc = t.build();
    (doc.elements.find((e) => e.kind === 'vsphereNamespace') as ElementOf<'vsphereNamespace'>).props.networkOverride = null;
    const routed = t.mutations.find((m) => m.id === 'tkc-routed-with-pods-cidr')!.apply(doc);
    const ids = validate(routed).map((d) => d.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['tkgs/routed-namespace-needs-override', 'tkgs/routed-pods-cidr-set']));
    expect(exportConfigs(routed, { only: ['tkc'] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The manifest still leaves pods out (the Supervisor hands out pod CIDRs).
    const manifest = parse(exportConfigs(routed, { only: ['tkc'] }).files[0]!.content) as {
      spec: { settings: { network: Record<string, unknown> } };
    };
    expect(manifest.spec.settings.network).not.toHaveProperty('pods');
  });
});
