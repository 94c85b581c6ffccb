/**
 * Seeded random designs for ipam/invalid-cidr in the IPAM differential test: an IPAM design
 * (ipamDesigns.ts), then 1-5 edits that write an odd value into an address field found generically
 * (mutate.ts): the adversarial strings of the robustness test, forms where parsers' dialects differ
 * (a prefix length with a leading zero, a netmask for a prefix length, an IPv6 zone, an embedded
 * dotted quad, upper-case hex), host bits, ranges written backwards or across families, and ACI
 * gateway-form subnets naming their network or broadcast address. Each edit is kept only when
 * restore() still accepts the document.
 */
import { restore, type TopologyDocument } from '@viplane/model';
import { prng, randomDesign } from './ipamDesigns.ts';
import { ADVERSARIAL, fieldSites, setAt } from './mutate.ts';

const DIALECT = [
  '10.0.0.0/08',
  '192.168.32.0/020',
  '2001:db8::/064',
  '2001:db8::/0064',
  '10.0.0.0/255.0.0.0',
  '10.0.0.0/0.255.255.255',
  '2001:db8::1%eth0',
  '2001:db8::%eth0/64',
  '::ffff:10.0.0.1',
  '::ffff:10.0.0.0/104',
  '2001:DB8::1',
  '2001:db8::1.2.3.4',
  '[2001:db8::1]',
  '010.0.0.1',
  '10.0.0.01',
  '2001:db8::00001',
  '192.168.32.5/20',
  '10.1.0.1/16',
  '10.1.0.0/16',
  '10.1.255.255/16',
  '10.1.0.0/31',
  '2001:db8::/64',
  '2001:db8::1/64',
  '192.168.48.1/22',
  '1.2.3.4:443',
  '10.0.0.1\n',
  '10.0.0.0/8\n',
];

export function randomInvalidDesign(seed: number): { doc: TopologyDocument; template: string; edits: string[] } {
  const base = randomDesign(seed);
  const rnd = prng(seed ^ 0x1a7a_11d0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let doc = base.doc;
  const edits = [...base.edits];
  const n = 1 + Math.floor(rnd() * 5);
  for (let i = 0, done = 0; i < n * 3 && done < n; i++) {
    const sites = fieldSites(doc).filter((s) => !s.ref && !/routingdomain/i.test(s.key));
    if (sites.length === 0) break;
    const site = pick(sites);
    const next = structuredClone(doc);
    const r = rnd();
    let value: string;
    if (r < 0.45) value = pick(DIALECT);
    else if (r < 0.8) value = pick(ADVERSARIAL);
    else {
      // A value from another field: an address where a CIDR is wanted and the other way round, ranges backwards.
      const strings = sites.map((s) => s.value).filter((v): v is string => typeof v === 'string');
      if (strings.length === 0) continue;
      value = pick(strings);
    }
    setAt(next, site.path, value);
    const restored = restore(next);
    if (!restored.ok) continue;
    doc = restored.document;
    edits.push(`${site.path.join('.')} = ${JSON.stringify(value)}`);
    done++;
  }
  return { doc, template: base.template, edits };
}
