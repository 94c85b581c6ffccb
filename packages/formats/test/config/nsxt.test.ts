/**
 * NSX-T Policy API requests (formats.md §8) and the clean-up list of stale Tier-1 routes (seed 001 L222).
 */
import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { exportConfigs } from '../../src/configs.ts';
import { file, templateExports } from './reference.ts';

const exports = templateExports();
const ADVERTISEMENT = [
  'TIER1_STATIC_ROUTES',
  'TIER1_CONNECTED',
  'TIER1_NAT',
  'TIER1_LB_VIP',
  'TIER1_LB_SNAT',
  'TIER1_DNS_FORWARDER_IP',
  'TIER1_IPSEC_LOCAL_ENDPOINT',
];

interface Request {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

const requests = exports.flatMap(({ id, result }) =>
  result.files.filter((f) => /^nsxt\/\d+-/.test(f.path)).map((f) => ({ id, path: f.path, request: JSON.parse(f.content) as Request })),
);

describe.each(requests)('$id $path', ({ request }) => {
  it('is a Policy API PATCH with a body of the path’s type', () => {
    expect(request.method).toBe('PATCH');
    expect(request.path).toMatch(
      /^\/policy\/api\/v1\/infra\/(tier-0s|tier-1s|segments|dhcp-server-configs)\/[^/]+(\/static-routes\/[^/]+)?$/,
    );
    const b = request.body;
    expect(typeof b['display_name']).toBe('string');
    if (request.path.includes('/static-routes/')) {
      expect(b['network']).toMatch(/^[\d.]+\/\d+$/);
      const hops = b['next_hops'] as { ip_address: string; admin_distance: number }[];
      expect(hops.length).toBeGreaterThan(0);
      for (const h of hops) expect(h.admin_distance).toBeGreaterThanOrEqual(1);
    } else if (request.path.includes('/tier-1s/')) {
      for (const t of b['route_advertisement_types'] as string[]) expect(ADVERTISEMENT).toContain(t);
      if ('tier0_path' in b) expect(b['tier0_path']).toMatch(/^\/infra\/tier-0s\/[^/]+$/);
    } else if (request.path.includes('/segments/')) {
      for (const s of (b['subnets'] ?? []) as { gateway_address: string }[]) {
        // Gateway form: the gateway's own address with the prefix, never the network address.
        const [addr, prefix] = s.gateway_address.split('/');
        const last = Number(addr!.split('.')[3]);
        expect(Number(prefix)).toBeGreaterThan(0);
        expect(last === 0 && Number(prefix) >= 24).toBe(false);
      }
    }
  });
});

describe('seed 001 TKG routable pods', () => {
  const result = exports.find((e) => e.id === 'seed001-tkg-routable')!.result;

  it('Tier-1 tanzu-cl1 advertises static routes and connected segments, uplinked to t0', () => {
    const t1 = JSON.parse(file(result, 'nsxt/03-tier-1-tanzu-cl1.json')) as Request;
    expect(t1.body).toEqual({
      display_name: 'tanzu-cl1',
      tier0_path: '/infra/tier-0s/t0',
      route_advertisement_types: ['TIER1_CONNECTED', 'TIER1_STATIC_ROUTES'],
    });
  });

  it('segment tanzu-overlay: gateway form, DHCP range and a DHCP server outside every range and endpoint', () => {
    const seg = JSON.parse(file(result, 'nsxt/04-segment-tanzu-overlay.json')) as Request;
    expect(seg.body['connectivity_path']).toBe('/infra/tier-1s/tanzu-cl1');
    expect(seg.body['subnets']).toEqual([
      {
        gateway_address: '172.16.128.1/21',
        dhcp_ranges: ['172.16.128.10-172.16.128.254'],
        dhcp_config: { resource_type: 'SegmentDhcpV4Config', server_address: '172.16.135.254/21' },
      },
    ]);
    expect(seg.body['dhcp_config_path']).toBe('/infra/dhcp-server-configs/tanzu-overlay-dhcp');
  });

  it('the CPI’s pod routes are listed to compare, not applied', () => {
    const expected = JSON.parse(file(result, 'nsxt/tanzu-cl1-expected-pod-routes.json')) as {
      routes: { owner: string; body: { network: string; next_hops: { ip_address: string }[] } }[];
    };
    expect(expected.routes.filter((r) => r.owner === 'cl1').map((r) => `${r.body.network} -> ${r.body.next_hops[0]!.ip_address}`)).toEqual([
      '172.16.136.0/24 -> 172.16.128.63',
      '172.16.137.0/24 -> 172.16.128.126',
      '172.16.138.0/24 -> 172.16.128.35',
    ]);
    expect(file(result, 'nsxt/apply.sh')).not.toContain('static-route-tanzu-cl1');
    expect(JSON.parse(file(result, 'nsxt/cleanup-stale-routes.json'))).toMatchObject({ routes: [] });
    expect(result.files.some((f) => f.path === 'nsxt/cleanup-stale-routes.sh')).toBe(false);
  });

  it('deleting cl2 puts its three routes on the clean-up list, found by network and next hop', () => {
    const t = templates.find((x) => x.id === 'seed001-tkg-routable')!;
    const doc = t.mutations.find((m) => m.id === 'stale-routes-after-delete')!.apply(t.build());
    const after = exportConfigs(doc);
    const cleanup = JSON.parse(file(after, 'nsxt/cleanup-stale-routes.json')) as {
      routes: { tier1_path: string; network: string; next_hop: string }[];
    };
    expect(cleanup.routes.map((r) => `${r.tier1_path} ${r.network} -> ${r.next_hop}`)).toEqual([
      '/infra/tier-1s/tanzu-cl1 172.16.144.0/24 -> 172.16.128.70',
      '/infra/tier-1s/tanzu-cl1 172.16.145.0/24 -> 172.16.128.71',
      '/infra/tier-1s/tanzu-cl1 172.16.146.0/24 -> 172.16.128.72',
    ]);
    const script = file(after, 'nsxt/cleanup-stale-routes.sh');
    expect(script).toContain("remove 'tanzu-cl1' '172.16.144.0/24' '172.16.128.70'");
    expect(script).toContain('--yes');
    const expected = JSON.parse(file(after, 'nsxt/tanzu-cl1-expected-pod-routes.json')) as { routes: { owner: string }[] };
    expect(new Set(expected.routes.map((r) => r.owner))).toEqual(new Set(['cl1']));
  });
});

describe('seed 001 vSphere with Tanzu', () => {
  it('leaves the namespace Tier-1 and its segment to NCP', () => {
    const result = exports.find((e) => e.id === 'seed001-tkgs-routable')!.result;
    const paths = result.files.map((f) => f.path);
    expect(paths.some((p) => /tier-1-|segment-/.test(p))).toBe(false);
    expect(paths).toContain('nsxt/routable-ns-t1-expected-pod-routes.json');
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('format/nsxt-ncp-managed');
  });
});
