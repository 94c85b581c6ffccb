/**
 * AKO Helm values against the chart's values.yaml (release-1.13.4) and the runtime rules of
 * formats.md §4.3; TKG AKODeploymentConfigs against §2.5.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { PLACEHOLDER_PATTERN, exportConfigs } from '../../src/configs.ts';
import { ADC_SELECTOR_LABEL } from '../../src/ako/index.ts';
import { akoReferenceValues, file, seedBlock, templateExports } from './reference.ts';

const reference = akoReferenceValues();
const exports = templateExports();

/** Item keys of the chart's lists, from the commented examples in values.yaml. */
const LIST_ITEM_KEYS: Record<string, string[]> = {
  'NetworkSettings.nodeNetworkList': ['networkName', 'networkUUID', 'cidrs'],
  'NetworkSettings.vipNetworkList': ['networkName', 'networkUUID', 'cidr', 'v6cidr'],
};

/** Keys of `ours` missing at the same place in the chart values, and leaves typed unlike the chart default. */
function compareWithChart(ours: unknown, ref: unknown, path: string, problems: string[]): void {
  if (ours === null || typeof ours !== 'object') return;
  if (Array.isArray(ours)) {
    const allowed = LIST_ITEM_KEYS[path];
    for (const item of ours)
      if (item && typeof item === 'object') for (const k of Object.keys(item)) if (!allowed?.includes(k)) problems.push(`${path}[].${k}`);
    return;
  }
  for (const [k, v] of Object.entries(ours)) {
    const here = path === '' ? k : `${path}.${k}`;
    const r = ref !== null && typeof ref === 'object' ? (ref as Record<string, unknown>)[k] : undefined;
    if (ref === null || typeof ref !== 'object' || !(k in ref)) {
      problems.push(`${here} (not a chart key)`);
      continue;
    }
    if (r !== null && r !== undefined && typeof r !== 'object' && typeof v !== typeof r)
      problems.push(`${here} typed ${typeof v}, chart ${typeof r}`);
    compareWithChart(v, r, here, problems);
  }
}

const valuesFiles = exports.flatMap(({ id, result }) =>
  result.files
    .filter((f) => /^ako\/.*-values\.yaml$/.test(f.path))
    .map((f) => ({ id, path: f.path, values: parse(f.content) as Record<string, unknown> })),
);

describe.each(valuesFiles)('$id $path', ({ values }) => {
  it('uses only keys of the chart values.yaml, typed as there', () => {
    const problems: string[] = [];
    compareWithChart(values, reference, '', problems);
    expect(problems).toEqual([]);
  });

  it('follows AKO’s boot rules', () => {
    const s = values as {
      AKOSettings: { clusterName: string; cniPlugin: string };
      NetworkSettings: { vipNetworkList: unknown[]; nodeNetworkList: unknown[] };
      L7Settings: { serviceType: string };
      ControllerSettings: { controllerHost: string; cloudName: string };
      avicredentials: Record<string, string>;
    };
    expect(s.AKOSettings.clusterName).toMatch(/^[a-zA-Z0-9-_]+$/);
    expect(s.NetworkSettings.vipNetworkList).toHaveLength(1); // more than one only on AWS clouds
    expect(Array.isArray(s.NetworkSettings.nodeNetworkList)).toBe(true);
    expect(s.NetworkSettings.nodeNetworkList.length).toBeLessThanOrEqual(5);
    expect(['ClusterIP', 'NodePort', 'NodePortLocal']).toContain(s.L7Settings.serviceType);
    if (s.L7Settings.serviceType === 'NodePortLocal') expect(s.AKOSettings.cniPlugin).toBe('antrea');
    expect(s.ControllerSettings.cloudName).not.toBe('');
    expect(s.ControllerSettings.controllerHost).not.toBe('');
    for (const v of Object.values(s.avicredentials)) expect(v).toMatch(PLACEHOLDER_PATTERN);
  });
});

describe('seed 003 values.yaml (docs/seeds/003.md §6.3, AKO 1.3.1 keys)', () => {
  it('carries the same design values in the 1.13 shape', () => {
    const seed = parse(seedBlock('003', '### 6.3')) as {
      AKOSettings: { clusterName: string };
      NetworkSettings: { subnetIP: string; subnetPrefix: string; networkName: string };
      L7Settings: { shardVSSize: string };
      ControllerSettings: { controllerVersion: string; controllerIP: string };
    };
    const ours = parse(file(exports.find((e) => e.id === 'seed003-ako-static-route')!.result, 'ako/k8s-values.yaml')) as {
      AKOSettings: { clusterName: string; disableStaticRouteSync: string };
      NetworkSettings: {
        vipNetworkList: { networkName: string; cidr: string }[];
        nodeNetworkList: { networkName: string; cidrs: string[] }[];
      };
      L7Settings: { shardVSSize: string; serviceType: string };
      ControllerSettings: { controllerVersion: string; controllerHost: string };
    };
    expect(ours.AKOSettings.clusterName).toBe(seed.AKOSettings.clusterName);
    const prefix = seed.NetworkSettings.subnetPrefix.split('.').reduce((n, o) => n + (Number(o).toString(2).match(/1/g)?.length ?? 0), 0);
    expect(ours.NetworkSettings.vipNetworkList).toEqual([
      { networkName: seed.NetworkSettings.networkName, cidr: `${seed.NetworkSettings.subnetIP}/${prefix}` },
    ]);
    expect(ours.L7Settings.shardVSSize).toBe(seed.L7Settings.shardVSSize);
    expect(ours.ControllerSettings.controllerVersion).toBe(seed.ControllerSettings.controllerVersion);
    expect(ours.ControllerSettings.controllerHost).toBe(seed.ControllerSettings.controllerIP);
    // Static-route mode (seed L51): AKO programs routes and needs the node network.
    expect(ours.AKOSettings.disableStaticRouteSync).toBe('false');
    expect(ours.L7Settings.serviceType).toBe('ClusterIP');
    expect(ours.NetworkSettings.nodeNetworkList).toEqual([{ networkName: 'alb-mgmt', cidrs: ['172.16.250.0/24'] }]);
  });
});

describe('modes', () => {
  const seed003 = templates.find((t) => t.id === 'seed003-ako-static-route')!;
  const values = (doc: TopologyDocument) =>
    parse(file(exportConfigs(doc), 'ako/k8s-values.yaml')) as Record<string, Record<string, unknown>>;

  it('NodePort: service type, no static routes, no node network, one selector label', () => {
    const doc = seed003.mutations.find((m) => m.id === 'nodeport-no-selector')!.apply(seed003.build());
    (doc.elements.find((e) => e.kind === 'ako') as ElementOf<'ako'>).props.nodeSelectorLabels = { 'ako.example/lb': 'true' };
    const v = values(doc);
    expect(v['L7Settings']!['serviceType']).toBe('NodePort');
    expect(v['AKOSettings']!['disableStaticRouteSync']).toBe('true');
    expect(v['NetworkSettings']!['nodeNetworkList']).toEqual([]);
    expect(v['nodePortSelector']).toEqual({ key: 'ako.example/lb', value: 'true' });
  });

  // Facts about the design: validator rules (issue 11 §3), shown before any export; the export does not repeat them.
  it('NodePortLocal needs Antrea: ako/nodeportlocal-needs-antrea', () => {
    const doc = seed003.build();
    (doc.elements.find((e) => e.kind === 'ako') as ElementOf<'ako'>).props.mode = 'nodeportlocal';
    (doc.elements.find((e) => e.kind === 'k8sCluster') as ElementOf<'k8sCluster'>).props.cni = 'calico';
    const d = validate(doc).filter((x) => x.ruleId === 'ako/nodeportlocal-needs-antrea');
    expect(d.map((x) => x.targets.map((t) => t.id))).toEqual([['ako', 'k8s-cluster']]);
    expect(exportConfigs(doc).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('clusterName: letters, digits, - and _ only: ako/cluster-name-invalid', () => {
    const doc = seed003.build();
    (doc.elements.find((e) => e.kind === 'ako') as ElementOf<'ako'>).props.clusterName = 'avi.cluster';
    expect(
      validate(doc)
        .filter((d) => d.ruleId === 'ako/cluster-name-invalid')
        .map((d) => d.targets.map((t) => t.id)),
    ).toEqual([['ako']]);
    expect(exportConfigs(doc).diagnostics.map((d) => d.ruleId)).not.toContain('format/ako-cluster-name');
  });
});

interface Adc {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    cloudName: string;
    controller: string;
    serviceEngineGroup: string;
    adminCredentialRef: { name: string; namespace: string };
    certificateAuthorityRef: { name: string; namespace: string };
    dataNetwork: { name: string; cidr: string };
    controlPlaneNetwork?: { name: string; cidr: string };
    clusterSelector?: { matchLabels: Record<string, string> };
    extraConfigs: {
      cniPlugin: string;
      disableStaticRouteSync: boolean;
      ingress?: { serviceType?: string; shardVSSize?: string; nodeNetworkList?: unknown[] };
    };
  };
}

describe('TKG AKODeploymentConfigs', () => {
  const adcs = exports.flatMap(({ id, result }) =>
    result.files
      .filter((f) => f.path.startsWith('ako/') && !f.path.endsWith('-values.yaml'))
      .map((f) => ({ id, path: f.path, adc: parse(f.content) as Adc })),
  );

  it('exist for every TKG design with NSX-ALB', () => {
    for (const { id, result } of exports)
      if (result.files.some((f) => f.path.startsWith('tkg/')) && result.files.some((f) => f.path.startsWith('avi/')))
        expect(
          result.files.map((f) => f.path),
          id,
        ).toEqual(expect.arrayContaining([expect.stringMatching(/install-ako-for-all\.yaml$/)]));
  });

  it.each(adcs)('$id $path has the required fields and passes the webhook', ({ adc }) => {
    expect(adc.apiVersion).toBe('networking.tkg.tanzu.vmware.com/v1alpha1');
    expect(adc.kind).toBe('AKODeploymentConfig');
    const spec = adc.spec;
    for (const k of ['cloudName', 'controller', 'serviceEngineGroup', 'adminCredentialRef', 'certificateAuthorityRef', 'dataNetwork'])
      expect(spec, k).toHaveProperty(k);
    expect(Object.keys(spec.adminCredentialRef).sort()).toEqual(['name', 'namespace']);
    expect(spec.dataNetwork.cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    if (spec.controlPlaneNetwork) expect(spec.controlPlaneNetwork.cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    if (adc.metadata.name !== 'install-ako-for-all') expect(Object.keys(spec.clusterSelector?.matchLabels ?? {}).length).toBeGreaterThan(0);
    const extra = spec.extraConfigs;
    expect(['antrea', 'calico', 'canal', 'flannel', 'openshift', 'ncp', 'ovn-kubernetes', 'cilium']).toContain(extra.cniPlugin);
    if (extra.ingress?.serviceType) expect(['NodePort', 'ClusterIP', 'NodePortLocal']).toContain(extra.ingress.serviceType);
    if (extra.ingress?.shardVSSize) expect(['SMALL', 'MEDIUM', 'LARGE', 'DEDICATED']).toContain(extra.ingress.shardVSSize);
  });

  it('a workload cluster with other VIP networks gets its own ADC, selected by a label it must carry', () => {
    // install-ako-for-all follows the first workload cluster (tkg-wc1); a second one wants its apps on dp-data-52.
    const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const wc1 = doc.elements.find((e) => e.kind === 'tkgCluster' && e.name === 'tkg-wc1') as ElementOf<'tkgCluster'>;
    const wc2 = { ...structuredClone(wc1), id: 'workload-cluster-2', name: 'tkg-wc2' };
    wc2.props.workloadVipNetworkId = 'dp-data-52';
    wc2.props.endpoint.address = null;
    doc.elements.push(wc2);
    const result = exportConfigs(doc);
    expect(result.files.map((f) => f.path).filter((p) => p.endsWith('-akodeploymentconfig.yaml'))).toEqual([
      'ako/tkg-wc2-akodeploymentconfig.yaml',
    ]);
    const text = file(result, 'ako/tkg-wc2-akodeploymentconfig.yaml');
    const adc = parse(text) as Adc;
    expect(adc.spec.dataNetwork).toEqual({ name: 'dp-data-52', cidr: '192.168.52.0/22' });
    expect(adc.spec.clusterSelector).toEqual({ matchLabels: { [ADC_SELECTOR_LABEL]: adc.metadata.name } });
    expect(text).toContain(`kubectl label cluster tkg-wc2 ${ADC_SELECTOR_LABEL}=${adc.metadata.name}`);
    expect(result.diagnostics.filter((d) => d.ruleId === 'format/tkg-avi-per-cluster').map((d) => d.targets[0]!.id)).toEqual([
      'workload-cluster-2',
    ]);
  });

  it('an ako element on a TKG cluster sets its mode in the ADC', () => {
    const t = templates.find((x) => x.id === 'seed001-tkg-routable')!;
    const doc = t.mutations.find((m) => m.id === 'ako-static-routes-with-routable')!.apply(t.build());
    const adc = parse(file(exportConfigs(doc), 'ako/cl1-akodeploymentconfig.yaml')) as Adc;
    expect(adc.spec.extraConfigs.disableStaticRouteSync).toBe(false);
    expect(adc.spec.extraConfigs.ingress?.nodeNetworkList).toEqual([{ networkName: 'tanzu-overlay', cidrs: ['172.16.128.0/21'] }]);
    // TKG clusters get no Helm values: the AKO operator installs AKO.
    expect(exportConfigs(doc).files.some((f) => f.path.endsWith('-values.yaml'))).toBe(false);
  });
});
