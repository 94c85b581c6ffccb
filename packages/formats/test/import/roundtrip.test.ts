/**
 * Round trips (issue 6 §4): export -> import gives back an equivalent design.
 *
 * - The deployment bundle carries topology.json, so importing a bundle zip gives back the very
 *   document, for every template.
 * - The TKG cluster configs carry the clusters, their networks by name, the NSX-ALB settings and the
 *   routable-pod Tier-1: importing a template's exported configs gives back the same projection
 *   (ids differ), for every template with TKG clusters, and as a property over varied clusters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Element, ElementOf, TopologyDocument } from '@viplane/model';
import { templates } from '@viplane/templates';
import { exportBundle, zipBundle } from '../../src/bundle/index.ts';
import { exportConfigs } from '../../src/configs.ts';
import { importFilesSync } from '../../src/import/index.ts';

describe('bundle zip -> import', () => {
  for (const t of templates)
    it(`${t.id}: gives back the same document`, async () => {
      const document = t.build();
      const zip = zipBundle(await exportBundle(document));
      const result = importFilesSync([{ name: `${t.id}.zip`, content: zip }]);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.document).toEqual(document);
    });
});

/** What TKG cluster configs say about a design, by name (ids differ after an import). */
function tkgProjection(doc: TopologyDocument) {
  const byId = new Map<string, Element>(doc.elements.map((e) => [e.id, e]));
  const name = (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? null) : null);
  const network = (id: string | null) => {
    const e = id ? byId.get(id) : undefined;
    return e ? { name: e.name, subnet: (e.props as { subnet?: string | null }).subnet ?? null } : null;
  };
  const controllerAddress = (id: string | null) =>
    id ? (doc.links.find((l) => l.kind === 'nic' && l.from === id && l.role === 'management')?.address ?? null) : null;
  return doc.elements
    .filter((e): e is ElementOf<'tkgCluster'> => e.kind === 'tkgCluster')
    .map((c) => {
      const p = c.props;
      const vc = byId.get(p.vcenterId ?? '') as ElementOf<'vcenter'> | undefined;
      return {
        name: c.name,
        role: p.role,
        plan: p.plan,
        counts: [p.controlPlaneCount, p.workerCount],
        cni: p.cni,
        podCidr: p.podCidr,
        serviceCidr: p.serviceCidr,
        endpoint: p.endpoint,
        management: name(p.managementClusterId),
        nodeNetwork: name(p.nodeNetworkId),
        tier1: p.routablePods ? name(p.routablePods.tier1Id) : null,
        vcenter: vc
          ? { server: vc.props.server, datacenter: vc.props.datacenter, datastore: vc.props.datastore, folder: vc.props.folder }
          : null,
        alb:
          p.controllerId === null
            ? null
            : {
                controller: controllerAddress(p.controllerId),
                seGroup: name(p.seGroupId),
                data: network(p.workloadVipNetworkId),
                controlPlane: network(p.controlPlaneVipNetworkId ?? p.workloadVipNetworkId),
              },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe("a TKG template's whole config export", () => {
  it('imports with the derived AKODeploymentConfigs named and skipped, not refused', () => {
    const document = templates.find((t) => t.id === 'seed001-tkg-routable')!.build();
    const files = exportConfigs(document, { only: ['tkg', 'ako'] }).files.map((f) => ({ name: f.path, content: f.content }));
    expect(files.some((f) => f.name.startsWith('ako/'))).toBe(true);
    const result = importFilesSync(files);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const skipped = result.diagnostics.filter((d) => d.ruleId === 'import/derived-file').map((d) => d.data['file']);
    expect(skipped).toEqual(files.filter((f) => f.name.startsWith('ako/')).map((f) => f.name));
    expect(tkgProjection(result.document!)).toEqual(tkgProjection(document));
  });
});

function tkgRoundTrip(document: TopologyDocument): TopologyDocument {
  const files = exportConfigs(document, { only: ['tkg'] }).files.map((f) => ({ name: f.path, content: f.content }));
  const result = importFilesSync(files);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.document!;
}

const withClusters = templates.filter((t) => t.build().elements.some((e) => e.kind === 'tkgCluster'));

describe('TKG cluster configs -> import', () => {
  it('covers the templates with TKG clusters', () => {
    expect(withClusters.map((t) => t.id).length).toBeGreaterThanOrEqual(6);
  });
  for (const t of withClusters)
    it(`${t.id}: same clusters, networks, NSX-ALB settings and Tier-1`, () => {
      const document = t.build();
      expect(tkgProjection(tkgRoundTrip(document))).toEqual(tkgProjection(document));
    });

  it('holds for varied clusters (property: counts, plan, CIDRs, endpoints, CNI)', () => {
    const base = templates.find((t) => t.id === 'seed001-tkg-routable')!.build();
    const octet = fc.integer({ min: 1, max: 254 });
    const cluster = fc.record({
      plan: fc.constantFrom('dev' as const, 'prod' as const),
      controlPlaneCount: fc.constantFrom(1, 3, 5),
      workerCount: fc.integer({ min: 0, max: 50 }),
      podCidr: fc.tuple(octet, fc.integer({ min: 16, max: 24 })).map(([a, len]) => `10.${a}.0.0/${len}`),
      serviceCidr: fc.tuple(octet, fc.integer({ min: 12, max: 24 })).map(([a, len]) => `172.${16 + (a % 16)}.0.0/${Math.max(len, 16)}`),
      endpoint: octet.map((d) => `172.16.135.${d}`),
      cni: fc.constantFrom('antrea' as const, 'calico' as const),
    });
    fc.assert(
      fc.property(fc.array(cluster, { minLength: 3, maxLength: 3 }), (settings) => {
        const doc = structuredClone(base);
        const clusters = doc.elements.filter((e): e is ElementOf<'tkgCluster'> => e.kind === 'tkgCluster');
        clusters.forEach((c, i) => {
          const s = settings[i]!;
          Object.assign(c.props, { ...s, endpoint: { ...c.props.endpoint, address: s.endpoint } });
        });
        // Endpoints must stay unique, as the CLI demands (format/tkg-endpoint-duplicate).
        fc.pre(new Set(settings.map((s) => s.endpoint)).size === settings.length);
        expect(tkgProjection(tkgRoundTrip(doc))).toEqual(tkgProjection(doc));
      }),
      { numRuns: 40 },
    );
  });
});
