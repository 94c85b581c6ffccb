import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ElementOf, TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { exportConfigs } from '../../src/configs.ts';
import { importFilesSync, type ImportResult } from '../../src/import/index.ts';

const tkcs = (doc: TopologyDocument | null) => (doc?.elements ?? []).filter((e): e is ElementOf<'tkc'> => e.kind === 'tkc');
const run = (content: string, name = 'cluster.yaml'): ImportResult => importFilesSync([{ name, content }]);
const ids = (r: ImportResult, severity?: string) => r.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.ruleId);
const nsName = (doc: TopologyDocument | null, tkc: ElementOf<'tkc'>) => doc?.elements.find((e) => e.id === tkc.props.namespaceId)?.name;

const tkcTemplates = templates
  .map((t) => ({ t, doc: t.build() }))
  .map((x) => ({ ...x, files: exportConfigs(x.doc, { only: ['tkc'] }).files }))
  .filter((x) => x.files.length > 0);

const manifest = (spec: string, extra = '') =>
  `apiVersion: run.tanzu.vmware.com/v1alpha3\nkind: TanzuKubernetesCluster\nmetadata:\n  name: tkc-a\n  namespace: ns-a\n${extra}spec:\n${spec}`;
const TOPOLOGY = `  topology:
    controlPlane:
      replicas: 3
      vmClass: best-effort-small
      storageClass: vsan-default
      tkr:
        reference:
          name: v1.25.7---vmware.3-fips.1-tkg.1
    nodePools:
      - name: np-1
        replicas: 2
        vmClass: best-effort-small
        storageClass: vsan-default
`;

describe('TKC import: templates round trip', () => {
  it('covers the vSphere with Tanzu templates', () => {
    expect(tkcTemplates.length).toBeGreaterThanOrEqual(5);
  });

  for (const { t, doc, files } of tkcTemplates)
    it(`${t.id}: every exported manifest gives back its TKC (namespace, counts, classes, TKr, CNI, CIDR blocks)`, () => {
      const r = importFilesSync(files.map((f) => ({ name: f.path, content: f.content })));
      expect(r.files.every((f) => f.format === 'tkc')).toBe(true);
      expect(ids(r, 'error')).toEqual([]);
      expect(ids(r, 'warning')).toEqual([]);
      const spec = (d: TopologyDocument, x: ElementOf<'tkc'>) => {
        const { namespaceId: _ns, storageClass, ...rest } = x.props;
        return { name: x.name, namespace: nsName(d, x), ...rest, storageClass };
      };
      const expected = tkcs(doc).map((x) => spec(doc, x));
      const got = tkcs(r.document).map((x) => spec(r.document!, x));
      expect(got).toEqual(expected);
      // A storage class the design did not have was exported as a placeholder: it comes back unknown.
      for (const x of tkcs(r.document)) if (x.props.storageClass === '') expect(x.unknown).toContain('storageClass');
      // The namespace's Supervisor and workload network are not in a manifest.
      for (const ns of r.document!.elements.filter((e) => e.kind === 'vsphereNamespace'))
        expect(ns.unknown).toEqual(['networkOverride', 'supervisorId', 'workloadNetworkId']);
      expect(validate(r.document!).filter((d) => d.severity === 'error')).toEqual([]);
    });
});

describe('TKC import: manifests', () => {
  it('v1alpha3 with several documents per file; other kinds are skipped with a warning', () => {
    const two = manifest(TOPOLOGY) + '---\n' + manifest(TOPOLOGY).replace('name: tkc-a', 'name: tkc-b') + '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';
    const r = run(two);
    expect(tkcs(r.document).map((x) => x.name)).toEqual(['tkc-a', 'tkc-b']);
    expect(r.document!.elements.filter((e) => e.kind === 'vsphereNamespace')).toHaveLength(1);
    const other = r.diagnostics.find((d) => d.ruleId === 'import/other-document')!;
    expect(other.severity).toBe('warning');
    expect(other.data).toMatchObject({ line: 41, column: 1 }); // the third document's own position
  });

  it('a file that starts with another kind is still detected', () => {
    const r = run('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-a\n---\n' + manifest(TOPOLOGY));
    expect(r.files[0]!.format).toBe('tkc');
    expect(tkcs(r.document)).toHaveLength(1);
  });

  it('replicas, classes, TKr, and the documented defaults for CNI and CIDR blocks (with infos)', () => {
    const r = run(manifest(TOPOLOGY));
    const [x] = tkcs(r.document);
    expect(x!.props).toMatchObject({
      controlPlaneCount: 3,
      workerCount: 2,
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default',
      tkr: 'v1.25.7---vmware.3-fips.1-tkg.1',
      cni: 'antrea',
      serviceCidrBlocks: ['10.96.0.0/12'],
      podCidrBlocks: ['192.168.0.0/16'],
    });
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/default-applied').map((d) => d.data['key'])).toEqual([
      'spec.settings.network.cni.name',
      'spec.settings.network.services.cidrBlocks',
      'spec.settings.network.pods.cidrBlocks',
    ]);
    // A pool named otherwise keeps its name through an export.
    const again = parse(exportConfigs(r.document!, { only: ['tkc'] }).files[0]!.content) as { spec: { topology: { nodePools: { name: string }[] } } };
    expect(again.spec.topology.nodePools[0]!.name).toBe('np-1');
  });

  it('antrea-nsx-routed with pods.cidrBlocks is an error (the Supervisor hands out pod CIDRs)', () => {
    const r = run(manifest(`${TOPOLOGY}  settings:\n    network:\n      cni:\n        name: antrea-nsx-routed\n      pods:\n        cidrBlocks: [10.244.0.0/16]\n`));
    expect(r.diagnostics.find((d) => d.ruleId === 'import/bad-value')?.data).toMatchObject({ key: 'spec.settings.network.pods.cidrBlocks' });
  });

  it('node pools that differ from the control plane are kept whole, with a warning', () => {
    const pools = TOPOLOGY + '      - name: np-gpu\n        replicas: 1\n        vmClass: gpu-large\n        storageClass: vsan-default\n';
    const r = run(manifest(pools));
    const [x] = tkcs(r.document);
    expect(x!.props.workerCount).toBe(3);
    expect(ids(r, 'warning')).toEqual(['import/simplified']);
    expect((x!.extras?.['spec.topology.nodePools'] as unknown[]).length).toBe(2);
  });

  it('fields the design does not model are kept and exported again', () => {
    const spec = `${TOPOLOGY}  settings:\n    network:\n      serviceDomain: corp.local\n      proxy:\n        httpProxy: http://proxy:3128\n        noProxy: [10.0.0.0/8]\n`;
    const r = run(manifest(spec, '  labels:\n    app.kubernetes.io/part-of: shop\n'));
    const [x] = tkcs(r.document);
    expect(x!.extras).toMatchObject({
      'spec.settings.network.serviceDomain': 'corp.local',
      'spec.settings.network.proxy.httpProxy': 'http://proxy:3128',
      'spec.settings.network.proxy.noProxy': ['10.0.0.0/8'],
      'metadata.labels': { 'app.kubernetes.io/part-of': 'shop' },
    });
    const out = parse(exportConfigs(r.document!, { only: ['tkc'] }).files[0]!.content) as Record<string, Record<string, unknown>>;
    expect(out['metadata']!['labels']).toEqual({ 'app.kubernetes.io/part-of': 'shop' });
    expect(out['spec']).toMatchObject({ settings: { network: { serviceDomain: 'corp.local', proxy: { httpProxy: 'http://proxy:3128', noProxy: ['10.0.0.0/8'] } } } });
  });

  it('a TKC into a design finds its namespace by name', () => {
    const t = templates.find((x) => x.id === 'seed002-one-24')!;
    const doc = t.build();
    const ns = doc.elements.find((e) => e.kind === 'vsphereNamespace')!;
    const r = importFilesSync([{ name: 'new.yaml', content: manifest(TOPOLOGY).replace('namespace: ns-a', `namespace: ${ns.name}`) }], { into: doc });
    const x = tkcs(r.document).find((e) => e.name === 'tkc-a')!;
    expect(x.props.namespaceId).toBe(ns.id);
    expect(r.document!.elements.filter((e) => e.kind === 'vsphereNamespace')).toHaveLength(doc.elements.filter((e) => e.kind === 'vsphereNamespace').length);
  });
});

describe('TKC import: problems', () => {
  it('a syntax error gives the line and column', () => {
    const r = run(manifest(TOPOLOGY).replace('replicas: 3', 'replicas: [3'));
    expect(r.document).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'import/syntax', severity: 'error', data: { line: expect.any(Number), column: expect.any(Number) } });
  });

  it('a bad value names the key, the value and what was expected', () => {
    const r = run(manifest(TOPOLOGY.replace('replicas: 3', 'replicas: three')));
    const d = r.diagnostics.find((x) => x.ruleId === 'import/bad-value')!;
    expect(d.severity).toBe('error');
    expect(d.data).toMatchObject({ key: 'spec.topology.controlPlane.replicas', value: 'three', expected: 'a whole number (int32)', line: 9, column: 7 });
  });

  it('a missing required field is an error and stays unknown', () => {
    const r = run(manifest(TOPOLOGY.replace('      vmClass: best-effort-small\n      storageClass', '      storageClass')));
    expect(r.diagnostics.find((d) => d.ruleId === 'import/missing-value')?.message).toContain('spec.topology.controlPlane.vmClass is required');
    expect(tkcs(r.document)[0]!.unknown).toContain('vmClass');
  });

  it('a typo field is a warning with the closest CRD field, kept in extras', () => {
    const r = run(manifest(TOPOLOGY.replace('storageClass: vsan-default\n      tkr', 'storageClass: vsan-default\n      nodeDrainTimout: 5m\n      tkr')));
    const w = r.diagnostics.filter((d) => d.ruleId === 'import/unknown-key');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('spec.topology.controlPlane.nodeDrainTimout — did you mean spec.topology.controlPlane.nodeDrainTimeout?');
    expect(w[0]!.data).toMatchObject({ line: 12, column: 7 });
    expect(tkcs(r.document)[0]!.extras?.['spec.topology.controlPlane.nodeDrainTimout']).toBe('5m');
  });

  it('an unsupported apiVersion is an error', () => {
    const r = run(manifest(TOPOLOGY).replace('v1alpha3', 'v1alpha1'));
    expect(r.diagnostics.find((d) => d.ruleId === 'import/bad-value')?.data).toMatchObject({ key: 'apiVersion', value: 'run.tanzu.vmware.com/v1alpha1' });
  });
});
