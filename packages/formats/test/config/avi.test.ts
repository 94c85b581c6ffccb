/**
 * NSX-ALB payloads against the alb-sdk 30.2.1 swagger definitions (with the enums that live only in
 * description text, ranges, and no unknown keys), plus the traps of formats.md §3 and §9.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import type { ElementOf } from '@viplane/model';
import { exportConfigs } from '../../src/configs.ts';
import { aviValidators, file, templateExports, type AviType } from './reference.ts';

const validators = aviValidators();
const exports = templateExports();

const TYPE_OF: Record<string, AviType> = {
  network: 'network',
  vrfcontext: 'vrfcontext',
  ipamdnsproviderprofile: 'ipamdnsproviderprofile',
  serviceenginegroup: 'serviceenginegroup',
  cloud: 'cloud',
};

const payloads = exports.flatMap(({ id, result }) =>
  result.files
    .filter((f) => f.path.startsWith('avi/') && f.path.endsWith('.json'))
    .map((f) => {
      const m = /\/(\d+)-([a-z]+)-[^/]+\.json$/.exec(f.path);
      return {
        id,
        path: f.path,
        order: Number(m?.[1]),
        type: TYPE_OF[m?.[2] ?? ''],
        body: JSON.parse(f.content) as Record<string, unknown>,
      };
    }),
);

describe.each(payloads)('$id $path', ({ type, body }) => {
  it('validates against the swagger definition', () => {
    expect(type).toBeDefined();
    const validate = validators[type!];
    const ok = validate(body);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('checker sanity: the tightened swagger rejects what formats.md says the raw one lets through', () => {
  it('static_ip_ranges[].type "VIP", an unknown key, a string mask', () => {
    const bad = {
      name: 'n',
      configured_subnets: [
        {
          prefix: { ip_addr: { addr: '10.0.0.0', type: 'V4' }, mask: 24 },
          static_ip_ranges: [{ range: { begin: { addr: '10.0.0.1', type: 'V4' }, end: { addr: '10.0.0.9', type: 'V4' } }, type: 'VIP' }],
        },
      ],
    };
    expect(validators.network(bad)).toBe(false);
    expect(validators.network({ name: 'n', dhcp: false })).toBe(false);
    expect(
      validators.vrfcontext({
        name: 'global',
        static_routes: [
          { route_id: '1', prefix: { ip_addr: { addr: '0.0.0.0', type: 'V4' }, mask: '0' }, next_hop: { addr: '10.0.0.1', type: 'V4' } },
        ],
      }),
    ).toBe(false);
    expect(validators.serviceenginegroup({ name: 'g', max_se: 5000 })).toBe(false);
  });
});

describe.each(exports.filter((e) => e.result.files.some((f) => f.path.startsWith('avi/'))))('$id', ({ id, result }) => {
  const mine = payloads.filter((p) => p.id === id);

  it('applies in dependency order: networks, VRFs, profiles, cloud, SE groups', () => {
    const rank: Record<AviType, number> = { network: 0, vrfcontext: 1, ipamdnsproviderprofile: 2, cloud: 3, serviceenginegroup: 4 };
    const ranks = [...mine].sort((a, b) => a.order - b.order).map((p) => rank[p.type!]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(mine.map((p) => p.order)).toEqual(mine.map((_, i) => i + 1));
    const script = file(result, 'avi/apply.sh');
    const applied = [...script.matchAll(/'(\d+-[^']+\.json)'/g)].map((m) => m[1]);
    expect(applied).toEqual(mine.map((p) => p.path.replace('avi/', '')));
  });

  it('networks with static pools have DHCP off and addresses inside the subnet', () => {
    for (const p of mine.filter((x) => x.type === 'network')) {
      const subnets = p.body['configured_subnets'] as {
        prefix: { ip_addr: { addr: string }; mask: number };
        static_ip_ranges?: unknown[];
      }[];
      if (subnets.some((s) => (s.static_ip_ranges ?? []).length > 0)) expect(p.body['dhcp_enabled'], p.path).toBe(false);
      for (const s of subnets) {
        // Avi takes the network address plus an integer mask (not the gateway form).
        const [a, b, c, d] = s.prefix.ip_addr.addr.split('.').map(Number);
        const value = ((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0;
        const hostMask = s.prefix.mask === 0 ? 0xffffffff : (2 ** (32 - s.prefix.mask) - 1) >>> 0;
        expect((value & hostMask) >>> 0, p.path).toBe(0);
      }
    }
  });

  it('VRF static routes carry no labels and never look like AKO’s', () => {
    for (const p of mine.filter((x) => x.type === 'vrfcontext'))
      for (const r of p.body['static_routes'] as Record<string, unknown>[]) {
        expect(r).not.toHaveProperty('labels');
        expect(Object.keys(r).sort()).toEqual(['next_hop', 'prefix', 'route_id']);
      }
  });

  it('the apply script takes credentials from the environment only', () => {
    const script = file(result, 'avi/apply.sh');
    expect(script).toContain(': "${AVI_PASSWORD:?set AVI_PASSWORD}"');
    expect(script).toContain('--data-urlencode "password@-"');
    expect(script).not.toMatch(/password=[^@]/i);
  });
});

describe('seed designs', () => {
  it('seed 000 kube-vip: the node network dp-data-52 stays unregistered (subnet "None")', () => {
    const paths = exports.find((e) => e.id === 'seed000-3net-kubevip')!.result.files.map((f) => f.path);
    expect(paths.filter((p) => p.includes('network-'))).toEqual(['avi/01-network-dp-data-48.json', 'avi/02-network-dp-mgmt-32.json']);
  });

  it('seed 000 overview: the specific route 192.168.100.0/24 via 192.168.1.254 next to the default', () => {
    const vrf = JSON.parse(file(exports.find((e) => e.id === 'seed000-overview')!.result, 'avi/05-vrfcontext-global.json')) as {
      static_routes: { prefix: { ip_addr: { addr: string }; mask: number }; next_hop: { addr: string } }[];
    };
    expect(vrf.static_routes.map((r) => `${r.prefix.ip_addr.addr}/${r.prefix.mask} -> ${r.next_hop.addr}`)).toEqual([
      '0.0.0.0/0 -> 192.168.0.1',
      '192.168.100.0/24 -> 192.168.1.254',
    ]);
  });

  it('seed 003: pools typed by purpose, DNS profile for ako.example.com attached to the cloud', () => {
    const result = exports.find((e) => e.id === 'seed003-ako-static-route')!.result;
    const vip = JSON.parse(file(result, 'avi/02-network-alb-vip.json')) as {
      configured_subnets: { static_ip_ranges: { type: string; range: { begin: { addr: string }; end: { addr: string } } }[] }[];
    };
    expect(vip.configured_subnets[0]!.static_ip_ranges.map((r) => `${r.type} ${r.range.begin.addr}-${r.range.end.addr}`)).toEqual([
      'STATIC_IPS_FOR_VIP_AND_SE 172.16.251.1-172.16.251.100',
    ]);
    const dns = JSON.parse(file(result, 'avi/06-ipamdnsproviderprofile-dns-profile.json')) as {
      type: string;
      internal_profile: { dns_service_domain: { domain_name: string }[] };
    };
    expect(dns.type).toBe('IPAMDNS_TYPE_INTERNAL_DNS');
    expect(dns.internal_profile.dns_service_domain).toEqual([{ domain_name: 'ako.example.com' }]);
    const cloud = JSON.parse(file(result, 'avi/07-cloud-Default-Cloud.json')) as Record<string, string>;
    expect(cloud).toMatchObject({
      ipam_provider_ref: '/api/ipamdnsproviderprofile/?name=ipam-profile',
      dns_provider_ref: '/api/ipamdnsproviderprofile/?name=dns-profile',
    });
  });

  it('a route id that starts like an AKO cluster’s routes is renamed', () => {
    const doc = templates.find((t) => t.id === 'seed003-ako-static-route')!.build();
    const controller = doc.elements.find((e) => e.kind === 'aviController') as ElementOf<'aviController'>;
    controller.props.vrfs[0]!.staticRoutes.push({ id: 'avi-cluster-legacy', prefix: '10.9.0.0/16', nextHop: '172.16.251.254' });
    const result = exportConfigs(doc);
    const vrf = JSON.parse(file(result, 'avi/03-vrfcontext-global.json')) as { static_routes: { route_id: string }[] };
    expect(vrf.static_routes.map((r) => r.route_id)).toContain('viplane-avi-cluster-legacy');
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('format/avi-route-id');
  });

  it('route and SE group labels (Avi 20.1.1+) are exported as KeyValue lists the swagger accepts', () => {
    const doc = templates.find((t) => t.id === 'seed003-ako-static-route')!.build();
    const controller = doc.elements.find((e) => e.kind === 'aviController') as ElementOf<'aviController'>;
    const se = doc.elements.find((e) => e.kind === 'seGroup') as ElementOf<'seGroup'>;
    const label = { key: 'segroup', value: 'default' };
    controller.props.vrfs[0]!.staticRoutes[0]!.labels = [label];
    se.props.labels = [label];
    const result = exportConfigs(doc);
    const vrf = JSON.parse(file(result, 'avi/03-vrfcontext-global.json')) as Record<string, unknown> & {
      static_routes: { labels?: unknown }[];
    };
    expect(vrf.static_routes[0]!.labels).toEqual([label]);
    const group = result.files.find((f) => /avi\/\d+-serviceenginegroup-/.test(f.path))!;
    const body = JSON.parse(group.content) as Record<string, unknown>;
    expect(body['labels']).toEqual([label]);
    for (const [type, payload] of [
      ['vrfcontext', vrf],
      ['serviceenginegroup', body],
    ] as const) {
      const validate = validators[type];
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
