/**
 * acc-provision input (formats.md §6): required keys, gateway-form subnets, system_id rules, the
 * tool's overlap check; and the EPG annotations of seed 004.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { exportConfigs } from '../../src/configs.ts';
import { file, templateExports } from './reference.ts';

const exports = templateExports();
const template = templates.find((t) => t.id === 'seed004-aci-cni-guestbook')!;

interface Input {
  aci_config: Record<string, unknown> & {
    vrf: Record<string, unknown>;
    l3out: Record<string, unknown>;
    vmm_domain: Record<string, unknown>;
  };
  net_config: Record<string, unknown>;
}

/** Required for kubernetes-* flavors (formats.md §6.2), as dotted paths. */
const REQUIRED = [
  'aci_config.system_id',
  'aci_config.apic_hosts',
  'aci_config.vrf.name',
  'aci_config.vrf.tenant',
  'aci_config.aep',
  'aci_config.l3out.name',
  'aci_config.l3out.external_networks',
  'net_config.pod_subnet',
  'net_config.node_subnet',
  'net_config.extern_dynamic',
  'net_config.extern_static',
  'net_config.node_svc_subnet',
  'net_config.infra_vlan',
  'net_config.service_vlan',
  'net_config.kubeapi_vlan',
];
const SUBNETS = ['node_subnet', 'pod_subnet', 'extern_dynamic', 'extern_static', 'node_svc_subnet'];

function at(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);
}

const inputs = exports.flatMap(({ id, result }) =>
  result.files
    .filter((f) => f.path.endsWith('-acc-provision-input.yaml'))
    .map((f) => ({ id, path: f.path, input: parse(f.content) as Input })),
);

describe.each(inputs)('$id $path', ({ input }) => {
  it('has every required key', () => {
    for (const key of REQUIRED) {
      const v = at(input, key);
      expect(v, key).toBeDefined();
      expect(v, key).not.toBe('');
      if (Array.isArray(v)) expect(v.length, key).toBeGreaterThan(0);
    }
    expect(input.aci_config['system_id']).toMatch(/^[A-Za-z][A-Za-z0-9_]{1,30}$/);
  });

  it('writes subnets in gateway form (address/prefix, never the network address)', () => {
    for (const key of SUBNETS) {
      const v = String(input.net_config[key]);
      const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(v);
      expect(m, `${key} ${v}`).not.toBeNull();
      const value = ((Number(m![1]) << 24) | (Number(m![2]) << 16) | (Number(m![3]) << 8) | Number(m![4])) >>> 0;
      const host = (2 ** (32 - Number(m![5])) - 1) >>> 0;
      expect((value & host) >>> 0, `${key} ${v} is a network address`).not.toBe(0);
    }
    for (const key of ['infra_vlan', 'service_vlan', 'kubeapi_vlan']) expect(Number.isInteger(input.net_config[key]), key).toBe(true);
  });
});

describe('seed 004', () => {
  const result = exports.find((e) => e.id === 'seed004-aci-cni-guestbook')!.result;
  const fabric = (doc: TopologyDocument) => doc.elements.find((e) => e.kind === 'aciFabric') as ElementOf<'aciFabric'>;

  it('carries the design’s subnets and VLANs unchanged', () => {
    const input = parse(file(result, 'aci/k8s_demo2-acc-provision-input.yaml')) as Input;
    expect(input.net_config).toEqual({
      node_subnet: '10.1.0.1/16',
      pod_subnet: '10.2.0.1/16',
      extern_dynamic: '192.168.51.1/24',
      extern_static: '192.168.52.1/24',
      node_svc_subnet: '10.5.0.1/24',
      kubeapi_vlan: 4001,
      service_vlan: 4003,
      infra_vlan: 3967,
    });
    expect(input.aci_config.vmm_domain).toEqual({ encap_type: 'vxlan' });
  });

  it('maps namespace gb to its EPG with the annotation acikubectl writes (seed L112)', () => {
    const docs = parseAllDocuments(file(result, 'aci/k8s_demo2-epg-annotations.yaml')).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string; annotations: Record<string, string> } },
    );
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Namespace/gb']);
    expect(JSON.parse(docs[0]!.metadata.annotations['opflex.cisco.com/endpoint-group']!)).toEqual({
      tenant: 'k8s_demo2',
      'app-profile': 'aci-containers-k8s_demo2',
      name: 'gb',
    });
  });

  it('network-form subnets are written as gateways; node_subnet takes the node network gateway', () => {
    const doc = template.build();
    fabric(doc).props.podSubnet = '10.2.0.0/16';
    fabric(doc).props.nodeSubnet = '10.1.0.0/16';
    const out = exportConfigs(doc, { only: ['aci'] });
    const input = parse(file(out, 'aci/k8s_demo2-acc-provision-input.yaml')) as Input;
    expect(input.net_config['pod_subnet']).toBe('10.2.0.1/16');
    expect(input.net_config['node_subnet']).toBe('10.1.0.1/16');
    expect(out.diagnostics.filter((d) => d.ruleId === 'format/aci-gateway-form')).toHaveLength(2);
  });

  it('what acc-provision rejects (hyphenated system_id, overlapping subnets, missing keys) is reported by the validator, once', () => {
    const overlap = template.mutations.find((m) => m.id === 'pod-subnet-overlaps-node')!.apply(template.build());
    fabric(overlap).props.systemId = 'k8s-demo2';
    fabric(overlap).props.l3out = null;
    fabric(overlap).props.serviceVlan = null;
    const found = validate(overlap);
    const id = fabric(overlap).id;
    const at = (ruleId: string) => found.filter((d) => d.ruleId === ruleId).map((d) => d.targets[0]!.id);
    expect(at('aci/system-id-invalid')).toEqual([id]);
    expect(at('aci/subnet-overlap')).toContain(id);
    expect(at('aci/no-l3out')).toEqual([id]);
    expect(found.find((d) => d.ruleId === 'aci/required-missing')?.data['missing']).toEqual(['net_config.service_vlan']);
    const out = exportConfigs(overlap, { only: ['aci'] });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const input = parse(file(out, 'aci/k8s-demo2-acc-provision-input.yaml')) as Input;
    expect(input.net_config['service_vlan']).toBe('<SERVICE_VLAN>');
    expect(input.aci_config['l3out']).toEqual({ name: '<L3OUT_NAME>', external_networks: ['<L3OUT_EXTERNAL_NETWORKS>'] });
  });

  it('the template passes acc-provision’s own checks', () => {
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('format/aci-'))).toEqual([]);
  });
});
