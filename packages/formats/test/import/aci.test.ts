import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { exportConfigs } from '../../src/configs.ts';
import { importFilesSync, type ImportResult } from '../../src/import/index.ts';
import { repoRoot } from '../config/reference.ts';

const fabrics = (doc: TopologyDocument | null) => (doc?.elements ?? []).filter((e): e is ElementOf<'aciFabric'> => e.kind === 'aciFabric');
const run = (content: string, name = 'acc-provision-input.yaml'): ImportResult => importFilesSync([{ name, content }]);
const ids = (r: ImportResult, severity?: string) => r.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.ruleId);

const aciTemplates = templates
  .map((t) => ({ t, doc: t.build() }))
  .map((x) => ({ ...x, files: exportConfigs(x.doc, { only: ['aci'] }).files.filter((f) => f.path.endsWith('-acc-provision-input.yaml')) }))
  .filter((x) => x.files.length > 0);

const INPUT = `aci_config:
  system_id: kube01
  apic_hosts: [10.1.1.101]
  aep: kube-aep
  vrf: {name: kube-vrf, tenant: common}
  l3out: {name: kube-l3out, external_networks: [kube-extepg]}
  vmm_domain:
    encap_type: vxlan
    mcast_range: {start: 225.20.1.1, end: 225.20.255.255}
    nested_inside: {type: vmware, name: vcenter-vds}
net_config:
  node_subnet: 10.1.0.1/16
  pod_subnet: 10.2.0.1/16
  extern_dynamic: 10.3.0.1/24
  extern_static: 10.4.0.1/24
  node_svc_subnet: 10.5.0.1/24
  kubeapi_vlan: 4001
  service_vlan: 4003
  infra_vlan: 4093
registry: {image_prefix: noiro}
`;

describe('acc-provision import: templates round trip', () => {
  it('covers the ACI template', () => {
    expect(aciTemplates.map((x) => x.t.id)).toEqual(['seed004-aci-cni-guestbook']);
  });

  for (const { t, doc, files } of aciTemplates)
    it(`${t.id}: the input gives back the fabric (subnets, VLANs, VRF, L3Out, AEP, VMM domain, APIC)`, () => {
      const r = importFilesSync(files.map((f) => ({ name: f.path, content: f.content })));
      expect(r.files.map((f) => f.format)).toEqual(['aci']);
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const [imported] = fabrics(r.document);
      const [original] = fabrics(doc);
      expect(imported!.name).toBe(original!.name);
      expect(imported!.props).toEqual(original!.props);
      // The AEP's infra-VLAN flag is not in the input.
      expect(imported!.unknown).toEqual(['infraVlanEnabled']);
      // export -> import -> export: the same input.
      const again = exportConfigs(r.document!, { only: ['aci'] }).files.find((f) => f.path.endsWith('-acc-provision-input.yaml'))!;
      expect(parse(again.content)).toEqual(parse(files[0]!.content));
    });
});

describe('acc-provision import: the input', () => {
  it('reads the formats.md §6.1 skeleton; nesting gives the VMM domain; the rest is kept and exported again', () => {
    const r = run(INPUT);
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
    const [f] = fabrics(r.document);
    expect(f!.props).toMatchObject({
      systemId: 'kube01',
      tenant: 'kube01',
      apicHosts: ['10.1.1.101'],
      aep: 'kube-aep',
      vrf: { name: 'kube-vrf', tenant: 'common' },
      l3out: { name: 'kube-l3out', externalNetworks: ['kube-extepg'] },
      vmmDomain: 'vcenter-vds',
      nodeSubnet: '10.1.0.1/16',
      podSubnet: '10.2.0.1/16',
      externDynamic: '10.3.0.1/24',
      externStatic: '10.4.0.1/24',
      nodeServiceSubnet: '10.5.0.1/24',
      kubeApiVlan: 4001,
      serviceVlan: 4003,
      infraVlan: 4093,
    });
    expect(f!.extras).toEqual({
      'aci_config.vmm_domain.mcast_range.start': '225.20.1.1',
      'aci_config.vmm_domain.mcast_range.end': '225.20.255.255',
      registry: { image_prefix: 'noiro' },
    });
    const out = exportConfigs(r.document!, { only: ['aci'] }).files.find((x) => x.path.endsWith('-acc-provision-input.yaml'))!;
    expect(parse(out.content)).toEqual(parse(INPUT));
  });

  it('encap_type vlan with its vlan_range survives export', () => {
    const vlan = INPUT.replace('encap_type: vxlan', 'encap_type: vlan\n    vlan_range: {start: 1000, end: 2000}');
    const r = run(vlan);
    expect(ids(r, 'error')).toEqual([]);
    const out = parse(exportConfigs(r.document!, { only: ['aci'] }).files.find((x) => x.path.endsWith('-acc-provision-input.yaml'))!.content) as {
      aci_config: { vmm_domain: Record<string, unknown> };
    };
    expect(out.aci_config.vmm_domain).toMatchObject({ encap_type: 'vlan', vlan_range: { start: 1000, end: 2000 } });
  });

  it("the seed 004 digest's proposed input (an [assumed] plan, not printed in the seed) imports and validates without errors", () => {
    // Seed 004 prints no acc-provision input; its digest proposes one, fenced with ~~~ (seedBlock reads only ``` blocks).
    const text = readFileSync(join(repoRoot(), 'docs', 'seeds', '004.md'), 'utf8');
    const block = /~~~yaml\n([\s\S]*?)~~~/.exec(text)![1]!;
    const r = run(block);
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
    const [f] = fabrics(r.document);
    expect(f!.props).toMatchObject({ systemId: 'k8s_demo2', vmmDomain: 'vcenter-vds', infraVlan: 3967, externDynamic: '192.168.51.1/24' });
    expect(validate(r.document!).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe("acc-provision import: the tool's own checks (formats.md §6.2)", () => {
  const error = (r: ImportResult, rule = 'import/bad-value') => r.diagnostics.find((d) => d.ruleId === rule && d.severity === 'error');

  it('system_id: 2-31 characters, a letter first, no hyphen', () => {
    for (const bad of ['my-kube', '1kube', 'k', 'a'.repeat(32)]) {
      const d = error(run(INPUT.replace('system_id: kube01', `system_id: ${bad}`)));
      expect(d?.data).toMatchObject({ key: 'aci_config.system_id', value: bad, line: 2, column: 3 });
      expect(d?.message).toContain('expected 2-31 characters');
    }
    expect(error(run(INPUT.replace('system_id: kube01', `system_id: k${'a'.repeat(30)}`)))).toBeUndefined();
  });

  it('encap_type vlan needs vlan_range start and end', () => {
    const r = run(INPUT.replace('encap_type: vxlan', 'encap_type: vlan'));
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/missing-value').map((d) => d.message)).toEqual([
      expect.stringContaining('vlan_range.start is required with encap_type vlan'),
      expect.stringContaining('vlan_range.end is required with encap_type vlan'),
    ]);
  });

  it('nested_inside must be vmware with a name', () => {
    expect(error(run(INPUT.replace('type: vmware', 'type: openstack')))?.data).toMatchObject({ key: 'aci_config.vmm_domain.nested_inside.type', value: 'openstack', expected: 'vmware' });
    expect(error(run(INPUT.replace(', name: vcenter-vds', '')), 'import/missing-value')?.message).toContain('nested_inside.name is required');
  });

  it('a subnet without a prefix is a bad value naming key, value and expected form', () => {
    const d = error(run(INPUT.replace('pod_subnet: 10.2.0.1/16', 'pod_subnet: 10.2.0.1')));
    expect(d?.data).toMatchObject({ key: 'net_config.pod_subnet', value: '10.2.0.1', expected: 'gateway-address/prefix such as 10.1.0.1/16', line: 13, column: 3 });
  });

  it('overlap of the subnets the fabric holds is left to aci/subnet-overlap; a further list entry is checked here', () => {
    const held = run(INPUT.replace('pod_subnet: 10.2.0.1/16', 'pod_subnet: 10.1.128.1/17'));
    expect(ids(held, 'error')).toEqual([]);
    expect(validate(held.document!).map((d) => d.ruleId)).toContain('aci/subnet-overlap');
    const listed = run(INPUT.replace('pod_subnet: 10.2.0.1/16', 'pod_subnet: [10.2.0.1/16, 10.3.0.1/24]'));
    expect(listed.diagnostics.filter((d) => d.ruleId === 'import/aci-subnet-overlap').map((d) => d.message)).toEqual([
      expect.stringContaining('pod_subnet[1] 10.3.0.1/24 overlaps extern_dynamic 10.3.0.1/24'),
    ]);
    expect(ids(listed, 'warning')).toEqual(['import/simplified']);
  });

  it('required keys that are missing are one error and stay unknown; a missing infra_vlan and l3out are left to the validator', () => {
    const r = run(INPUT.replace('  aep: kube-aep\n', '').replace('  service_vlan: 4003\n', '').replace('  infra_vlan: 4093\n', ''));
    const d = error(r, 'import/missing-value')!;
    expect(d.data['keys']).toEqual(['aci_config.aep', 'net_config.service_vlan']);
    expect(fabrics(r.document)[0]!.unknown).toEqual(expect.arrayContaining(['aep', 'serviceVlan']));
    expect(fabrics(r.document)[0]!.props.infraVlan).toBeNull();
    expect(validate(r.document!).map((x) => x.ruleId)).toContain('aci/infra-vlan-disabled');
  });
});

describe('acc-provision import: problems', () => {
  it('a syntax error gives the line and column', () => {
    const r = run(INPUT.replace('aep: kube-aep', 'aep: [kube-aep'));
    expect(r.document).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'import/syntax', data: { line: expect.any(Number), column: expect.any(Number) } });
  });

  it('a VLAN that is not a number is a bad value', () => {
    const d = run(INPUT.replace('kubeapi_vlan: 4001', 'kubeapi_vlan: vlan-4001')).diagnostics.find((x) => x.ruleId === 'import/bad-value');
    expect(d?.data).toMatchObject({ key: 'net_config.kubeapi_vlan', value: 'vlan-4001', expected: 'a VLAN id (a whole number)' });
  });

  it('a typo key is a warning with the closest known key, kept in extras', () => {
    const r = run(INPUT.replace('  node_svc_subnet:', '  interface_mut: 1600\n  node_svc_subnet:'));
    const w = r.diagnostics.filter((d) => d.ruleId === 'import/unknown-key');
    expect(w.map((d) => d.message)).toEqual([expect.stringContaining('net_config.interface_mut — did you mean net_config.interface_mtu?')]);
    expect(fabrics(r.document)[0]!.extras?.['net_config.interface_mut']).toBe(1600);
  });

  it('APIC credentials are dropped with one info', () => {
    const r = run(INPUT.replace('  aep: kube-aep\n', '  aep: kube-aep\n  apic_login: {username: admin, password: s3cret!}\n'));
    const infos = r.diagnostics.filter((d) => d.ruleId === 'import/secret-dropped');
    expect(infos).toHaveLength(1);
    expect(infos[0]!.data['keys']).toEqual(['aci_config.apic_login.username', 'aci_config.apic_login.password']);
    expect(JSON.stringify(r.document)).not.toContain('s3cret!');
  });
});
