import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { exportConfigs } from '../../src/configs.ts';
import { importFilesSync, type ImportResult } from '../../src/import/index.ts';
import { akoReferenceValues, seedBlock } from '../config/reference.ts';

const only = <K extends ElementOf<'ako'>['kind'] | 'aviController' | 'portGroup' | 'seGroup'>(doc: TopologyDocument | null, kind: K) =>
  (doc?.elements ?? []).filter((e) => e.kind === kind) as ElementOf<K>[];
const run = (content: string, name = 'values.yaml'): ImportResult => importFilesSync([{ name, content }]);
const ids = (r: ImportResult, severity?: string) => r.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.ruleId);

/** Every template whose export has AKO Helm values (TKG designs get AKODeploymentConfigs instead). */
const akoTemplates = templates
  .map((t) => ({ t, doc: t.build(), result: exportConfigs(t.build(), { only: ['ako'] }) }))
  .map((x) => ({ ...x, files: x.result.files.filter((f) => f.path.endsWith('-values.yaml')) }))
  .filter((x) => x.files.length > 0);

describe('AKO values import: templates round trip', () => {
  it('there is at least one template with AKO Helm values', () => {
    expect(akoTemplates.map((x) => x.t.id)).toContain('seed003-ako-static-route');
  });

  for (const { t, doc, files } of akoTemplates)
    it(`${t.id}: each values.yaml gives back its ako element (clusterName, mode, networks by name and CIDR, Controller, SE group)`, () => {
      for (const file of files) {
        const r = run(file.content, file.path);
        expect(r.files[0]?.format).toBe('ako');
        expect(ids(r, 'error')).toEqual([]);
        expect(ids(r, 'warning')).toEqual([]);
        const [imported] = only(r.document, 'ako');
        const original = only(doc, 'ako').find((a) => a.props.clusterName === imported?.props.clusterName);
        expect(imported).toBeDefined();
        expect(original).toBeDefined();
        const net = (d: TopologyDocument | null, id: string | null) => {
          const n = d?.elements.find((e) => e.id === id) as ElementOf<'portGroup'> | undefined;
          return n ? { name: n.name, subnet: n.props.subnet } : null;
        };
        expect(imported!.props.mode).toBe(original!.props.mode);
        expect(net(r.document, imported!.props.vipNetworkId)).toEqual(net(doc, original!.props.vipNetworkId));
        if (original!.props.mode === 'static-route') expect(net(r.document, imported!.props.nodeNetworkId)).toEqual(net(doc, original!.props.nodeNetworkId));
        expect(imported!.props.ingress).toMatchObject({ enabled: original!.props.ingress.enabled, shardSize: original!.props.ingress.shardSize });
        const name = (d: TopologyDocument | null, id: string | null) => d?.elements.find((e) => e.id === id)?.name;
        expect(name(r.document, imported!.props.seGroupId)).toBe(name(doc, original!.props.seGroupId));
        const [controller] = only(r.document, 'aviController');
        const originalController = only(doc, 'aviController').find((c) => c.id === original!.props.controllerId)!;
        expect(controller!.props.cloudName).toBe(originalController.props.cloudName);
        expect(controller!.props.version).toBe(originalController.props.version);
        const host = doc.links.find((l) => l.from === originalController.id && l.role === 'management')?.address;
        expect(r.document!.links.find((l) => l.from === controller!.id && l.role === 'management')?.address).toBe(host);
        // The VIP network is registered on the Controller; facts the file does not give are unknown.
        const vip = r.document!.elements.find((e) => e.id === imported!.props.vipNetworkId) as ElementOf<'portGroup'>;
        expect(vip.props.albRegistered).toBe(true);
        expect(vip.unknown).toEqual(expect.arrayContaining(['gateway', 'ranges', 'vlan']));
        // No cluster in a values file: unknown, not guessed.
        expect(imported!.props.clusterId).toBeNull();
        expect(imported!.unknown).toContain('clusterId');
      }
    });

  it('seed003: importing into the design links its cluster by the export header and merges the ako element', () => {
    const t = templates.find((x) => x.id === 'seed003-ako-static-route')!;
    const doc = t.build();
    const file = exportConfigs(doc, { only: ['ako'] }).files[0]!;
    const r = importFilesSync([{ name: file.path, content: file.content }], { into: doc });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r)).not.toContain('import/conflict');
    const akos = only(r.document, 'ako');
    expect(akos).toHaveLength(1);
    expect(akos[0]!.props).toEqual(only(doc, 'ako')[0]!.props);
    expect(only(r.document, 'aviController')).toHaveLength(1);
  });

  it('export -> import -> export gives the same values.yaml, extras included', () => {
    const t = templates.find((x) => x.id === 'seed003-ako-static-route')!;
    const first = exportConfigs(t.build(), { only: ['ako'] }).files[0]!;
    const edited = first.content
      .replace('AKOSettings:\n', 'AKOSettings:\n  logLevel: "DEBUG"\n  blockedNamespaceList: ["kube-system"]\n')
      .replace('  tenantName: "admin"\n', '  tenantName: "team-a"\n  vrfName: "global"\n');
    const r = run(edited, first.path);
    expect(ids(r, 'error')).toEqual([]);
    const [ako] = only(r.document, 'ako');
    expect(ako!.extras).toMatchObject({
      'AKOSettings.logLevel': 'DEBUG',
      'AKOSettings.blockedNamespaceList': ['kube-system'],
      'ControllerSettings.tenantName': 'team-a',
      'ControllerSettings.vrfName': 'global',
    });
    const again = exportConfigs(r.document!, { only: ['ako'] }).files.find((f) => f.path.endsWith('-values.yaml'))!;
    expect(parse(again.content)).toEqual(parse(edited));
  });
});

describe('AKO values import: mode and defaults', () => {
  const values = (l7: string, ako = '') => `AKOSettings:\n  clusterName: c1\n${ako}L7Settings:\n${l7}ControllerSettings:\n  controllerHost: 10.0.0.5\nNetworkSettings:\n  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/24\n`;
  const mode = (content: string) => only(run(content).document, 'ako')[0]?.props.mode;

  it('serviceType and disableStaticRouteSync give the mode (modes.ts inverted)', () => {
    expect(mode(values('  serviceType: NodePort\n'))).toBe('nodeport');
    expect(mode(values('  serviceType: NodePortLocal\n', '  cniPlugin: antrea\n'))).toBe('nodeportlocal');
    expect(mode(values('  serviceType: ClusterIP\n'))).toBe('static-route');
    expect(mode(values('  serviceType: ClusterIP\n', '  disableStaticRouteSync: "true"\n'))).toBe('routable');
  });

  it('chart defaults are applied with an info naming them', () => {
    const r = run(values('  shardVSSize: SMALL\n'));
    const defaults = r.diagnostics.filter((d) => d.ruleId === 'import/default-applied').map((d) => d.data['key']);
    expect(defaults).toEqual(
      expect.arrayContaining(['L7Settings.serviceType', 'AKOSettings.disableStaticRouteSync', 'ControllerSettings.cloudName', 'ControllerSettings.serviceEngineGroupName']),
    );
    expect(only(r.document, 'aviController')[0]!.props.cloudName).toBe('Default-Cloud');
    expect(only(r.document, 'seGroup')[0]!.name).toBe('Default-Group');
  });

  it('the Controller is created on a network whose facts are unknown, and found again by its address', () => {
    const r = run(values(''));
    const [controller] = only(r.document, 'aviController');
    const nic = r.document!.links.find((l) => l.from === controller!.id)!;
    expect(nic).toMatchObject({ role: 'management', address: '10.0.0.5', addressMode: 'static' });
    const net = r.document!.elements.find((e) => e.id === nic.to)!;
    expect(net.name).toBe('Controller network (10.0.0.5)');
    expect(net.unknown).toEqual(['gateway', 'ranges', 'subnet', 'vlan']);
    const second = importFilesSync([{ name: 'other.yaml', content: values('').replace('clusterName: c1', 'clusterName: c2') }], { into: r.document! });
    expect(only(second.document, 'aviController')).toHaveLength(1);
    expect(only(second.document, 'ako')).toHaveLength(2);
  });

  it('a Controller given by host name keeps the name through an export and is found again', () => {
    const fqdn = values('').replace('controllerHost: 10.0.0.5', 'controllerHost: avi.corp.example');
    const r = run(fqdn);
    expect(ids(r, 'error')).toEqual([]);
    const [controller] = only(r.document, 'aviController');
    expect(controller!.name).toBe('NSX-ALB Controller avi.corp.example');
    expect(r.document!.links).toEqual([]);
    const out = exportConfigs(r.document!, { only: ['ako'] });
    expect((parse(out.files[0]!.content) as { ControllerSettings: Record<string, unknown> }).ControllerSettings['controllerHost']).toBe('avi.corp.example');
    expect(out.diagnostics.map((d) => d.ruleId)).not.toContain('format/ako-controller');
    const again = importFilesSync([{ name: 'b.yaml', content: fqdn.replace('clusterName: c1', 'clusterName: c2') }], { into: r.document! });
    expect(only(again.document, 'aviController')).toHaveLength(1);
  });

  it('a cluster named like clusterName is linked', () => {
    const t = templates.find((x) => x.id === 'seed003-ako-static-route')!;
    const doc = t.build();
    const cluster = doc.elements.find((e) => e.kind === 'k8sCluster')!;
    const r = importFilesSync([{ name: 'v.yaml', content: values('').replace('clusterName: c1', `clusterName: ${cluster.name}`) }], { into: doc });
    const ako = only(r.document, 'ako').find((a) => a.props.clusterName === cluster.name)!;
    expect(ako.props.clusterId).toBe(cluster.id);
    expect(ako.unknown ?? []).not.toContain('clusterId');
  });
});

describe('AKO values import: problems', () => {
  it('a syntax error gives the line and column', () => {
    const r = run('AKOSettings:\n  clusterName: "c1\nL7Settings: {}\n');
    const d = r.diagnostics.find((x) => x.ruleId === 'import/syntax')!;
    expect(r.document).toBeNull();
    expect(d.data).toMatchObject({ file: 'values.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(d.data['line']).toBeGreaterThanOrEqual(2);
  });

  it('a bad value names the key, the value and what was expected', () => {
    const r = run('AKOSettings:\n  clusterName: c1\nL7Settings:\n  serviceType: LoadBalancer\n  shardVSSize: HUGE\n');
    const bad = r.diagnostics.filter((d) => d.ruleId === 'import/bad-value');
    expect(bad.map((d) => d.data)).toEqual([
      expect.objectContaining({ key: 'L7Settings.serviceType', value: 'LoadBalancer', expected: 'ClusterIP | NodePort | NodePortLocal', line: 4, column: 3 }),
      expect.objectContaining({ key: 'L7Settings.shardVSSize', value: 'HUGE', expected: 'LARGE | MEDIUM | SMALL | DEDICATED', line: 5, column: 3 }),
    ]);
    expect(bad.every((d) => d.severity === 'error')).toBe(true);
  });

  it('clusterName with characters AKO refuses is a bad value', () => {
    const r = run('AKOSettings:\n  clusterName: "my.cluster"\n');
    expect(r.diagnostics.find((d) => d.ruleId === 'import/bad-value')?.data).toMatchObject({ key: 'AKOSettings.clusterName', value: 'my.cluster' });
  });

  it('a typo key is a warning with the closest known key, and is kept in extras', () => {
    const r = run('AKOSettings:\n  clusterName: c1\n  logLevl: DEBUG\nNetworkSettings:\n  vipNetworkList:\n    - networkName: vip\n      cidr: 10.1.0.0/24\n      netwrokUUID: x\n');
    const warnings = r.diagnostics.filter((d) => d.ruleId === 'import/unknown-key');
    expect(warnings.map((d) => d.message)).toEqual([
      expect.stringContaining('AKOSettings.logLevl — did you mean AKOSettings.logLevel?'),
      expect.stringContaining('NetworkSettings.vipNetworkList[0].netwrokUUID — did you mean NetworkSettings.vipNetworkList[0].networkUUID?'),
    ]);
    expect(warnings[0]!.data).toMatchObject({ key: 'AKOSettings.logLevl', line: 3, column: 3 });
    const [ako] = only(r.document, 'ako');
    expect(ako!.extras?.['AKOSettings.logLevl']).toBe('DEBUG');
    expect(ako!.extras?.['NetworkSettings.vipNetworkList']).toEqual([{ networkName: 'vip', cidr: '10.1.0.0/24', netwrokUUID: 'x' }]);
  });

  it('credentials are dropped with one info', () => {
    const r = run('AKOSettings:\n  clusterName: c1\navicredentials:\n  username: admin\n  password: VMware1!\n  authtoken: tok\n  certificateAuthorityData: "-----BEGIN CERTIFICATE-----"\n');
    const infos = r.diagnostics.filter((d) => d.ruleId === 'import/secret-dropped');
    expect(infos).toHaveLength(1);
    expect(infos[0]!.severity).toBe('info');
    const text = JSON.stringify(r.document);
    for (const secret of ['VMware1!', 'tok', 'BEGIN CERTIFICATE']) expect(text).not.toContain(secret);
  });

  it('every key of the chart values.yaml is known (no unknown-key warning on `helm show values`)', () => {
    const r = run(JSON.stringify(akoReferenceValues()));
    expect(ids(r, 'warning')).toEqual(expect.not.arrayContaining(['import/unknown-key']));
    expect(only(r.document, 'ako')[0]!.extras).toMatchObject({ 'AKOSettings.logLevel': 'WARN', 'featureGates.GatewayAPI': false });
  });
});

describe('AKO values import: seed 003', () => {
  it("the seed's values.yaml (AKO 1.3 keys, TABs before comments) imports and validates without errors", () => {
    const r = run(seedBlock('003', '### 6.3'));
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r)).toContain('import/legacy-key');
    const [ako] = only(r.document, 'ako');
    expect(ako!.props).toMatchObject({ clusterName: 'avi-cluster', mode: 'static-route', ingress: { shardSize: 'SMALL' } });
    const vip = r.document!.elements.find((e) => e.id === ako!.props.vipNetworkId) as ElementOf<'portGroup'>;
    expect(vip).toMatchObject({ name: 'alb-vip', props: { subnet: '172.16.251.0/24', albRegistered: true } });
    expect(only(r.document, 'aviController')[0]!.props.version).toBe('20.1.3');
    expect(r.document!.links.find((l) => l.role === 'management')?.address).toBe('172.16.250.1');
    expect(JSON.stringify(r.document)).not.toContain('<PASSWORD>');
    const errors = validate(r.document!).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });
});
