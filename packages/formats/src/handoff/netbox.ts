/**
 * NetBox bulk-import CSVs (IPAM > Import, CSV) for prefixes, VLANs, IP ranges and IP addresses.
 *
 * Columns are exactly the `Meta.fields` of NetBox's import forms, in their order, read from
 * netbox-community/netbox `netbox/ipam/forms/bulk_import.py` at commit
 * fc616301e9b4c4b6ff8dacb3af18053af4a09609 (PrefixImportForm, VLANImportForm, IPRangeImportForm,
 * IPAddressImportForm); status and role values from `netbox/ipam/choices.py` (active, reserved; role
 * `vip`). See README.md in this folder.
 *
 * What the design does not know stays empty: site, tenant, VLAN group, VRF and role are references by
 * name to objects that must already exist in NetBox, so none is invented. Addresses and range ends
 * carry the subnet's prefix length, as NetBox stores them (`192.168.32.20/20`); an address on no
 * modelled subnet gets a host prefix. Duplicates (one address, several holders; one pod CIDR, several
 * clusters) are merged into one row, since NetBox refuses duplicates where uniqueness is enforced.
 */
import type { TopologyDocument } from '@viplane/model';
import { lower, resolveEndpoint, type L3Model } from '@viplane/validator';
import { addressPlan, type AddressPlanRow } from '../address-plan/index.ts';
import { csvLines } from './csv.ts';

export const NETBOX_COMMIT = 'fc616301e9b4c4b6ff8dacb3af18053af4a09609';

/** PrefixImportForm.Meta.fields */
export const NETBOX_PREFIX_FIELDS = [
  'prefix', 'vrf', 'tenant', 'site', 'vlan_group', 'vlan', 'status', 'role', 'is_pool', 'mark_utilized', 'description', 'comments', 'tags',
] as const; // prettier-ignore
/** VLANImportForm.Meta.fields */
export const NETBOX_VLAN_FIELDS = ['site', 'group', 'vid', 'name', 'tenant', 'status', 'role', 'description', 'comments', 'tags'] as const;
/** IPRangeImportForm.Meta.fields */
export const NETBOX_IP_RANGE_FIELDS = [
  'start_address', 'end_address', 'vrf', 'tenant', 'status', 'role', 'mark_utilized', 'description', 'comments', 'tags',
] as const; // prettier-ignore
/** IPAddressImportForm.Meta.fields */
export const NETBOX_IP_ADDRESS_FIELDS = [
  'address', 'vrf', 'tenant', 'status', 'role', 'device', 'virtual_machine', 'interface', 'is_primary', 'dns_name', 'description', 'comments', 'tags',
] as const; // prettier-ignore

export interface NetboxFile {
  path: string;
  content: string;
}

/** NetBox's description fields hold at most 200 characters. */
const DESCRIPTION_MAX = 200;
const describe = (parts: Iterable<string>) => {
  const text = [...new Set([...parts].filter((p) => p !== ''))].join('; ');
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text;
};

type Row<F extends readonly string[]> = Partial<Record<F[number], string>>;

function csv<F extends readonly string[]>(fields: F, rows: Row<F>[]): string {
  return csvLines(
    fields,
    rows.map((r) => fields.map((f) => (r as Record<string, string | undefined>)[f] ?? '')),
  );
}

/** A row before merging: `key` says which rows are one NetBox object; `notes` become its description. */
type Pending<F extends readonly string[]> = Row<F> & { key: string; notes: string[] };

/** Merges rows with the same key, joining their descriptions. */
function merged<F extends readonly string[]>(rows: Pending<F>[]): Row<F>[] {
  const byKey = new Map<string, Pending<F>>();
  for (const r of rows) {
    const seen = byKey.get(r.key);
    if (seen) seen.notes.push(...r.notes);
    else byKey.set(r.key, { ...r, notes: [...r.notes] });
  }
  return [...byKey.values()].map((r) => {
    const { key: _key, notes, ...fields } = r;
    return { ...(fields as unknown as Row<F>), description: describe(notes) };
  });
}

/** `a.b.c.d/n` of the network (NetBox refuses a prefix with host bits set). */
function canonicalPrefix(first: number | bigint, prefix: number, family: 4 | 6, text: string): string {
  if (family === 6) return text;
  const v = Number(first);
  return `${[24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.')}/${prefix}`;
}

export function netboxFiles(
  document: TopologyDocument,
  model: L3Model = lower(document),
  plan: AddressPlanRow[] = addressPlan(document, model),
): NetboxFile[] {
  const name = (id: string) => model.elements.get(id)?.name ?? id;
  const hostLength = (family: 4 | 6 | undefined) => (family === 6 ? 128 : 32);
  const lengthOn = (networkId: string | null, family: 4 | 6 | undefined) => {
    const subnet = networkId ? model.networkById.get(networkId)?.subnet : null;
    return subnet && subnet.family === family ? subnet.prefix : hostLength(family);
  };

  const prefixes: Pending<typeof NETBOX_PREFIX_FIELDS>[] = [];
  for (const n of model.networks) {
    if (!n.subnet) continue;
    const prefix = canonicalPrefix(n.subnet.first, n.subnet.prefix, n.subnet.family, n.subnet.text);
    prefixes.push({
      key: prefix,
      prefix,
      vlan: n.vlan === null ? '' : String(n.vlan),
      status: 'active',
      is_pool: 'false',
      mark_utilized: 'false',
      notes: [`${n.name}${n.gatewayText ? ` (gateway ${n.gatewayText})` : ''}`],
    });
  }
  for (const c of model.clusters)
    for (const [list, what] of [
      [c.podCidrs, 'pod CIDR'],
      [c.serviceCidrs, 'service CIDR'],
    ] as const)
      for (const p of list) {
        if (!p.cidr) continue;
        const prefix = canonicalPrefix(p.cidr.first, p.cidr.prefix, p.cidr.family, p.cidr.text);
        // Overlay space: reserved, so nobody allocates it on the routed network.
        prefixes.push({
          key: prefix,
          prefix,
          status: 'reserved',
          is_pool: 'false',
          mark_utilized: 'false',
          notes: [`${what} of ${c.name}`],
        });
      }

  const vlans: Pending<typeof NETBOX_VLAN_FIELDS>[] = [];
  for (const n of model.networks)
    if (n.vlan !== null)
      vlans.push({ key: String(n.vlan), vid: String(n.vlan), name: n.name.slice(0, 64), status: 'active', notes: [n.name] });

  const ranges: Pending<typeof NETBOX_IP_RANGE_FIELDS>[] = [];
  // The plan's words for ranges and addresses, looked up by text (not searched per row: estates hold tens of thousands).
  const rangePurpose = new Map(plan.filter((p) => p.type === 'range').map((p) => [p.address, p.purpose]));
  const addressRows = new Map<string, AddressPlanRow[]>();
  for (const p of plan) if (p.type === 'address') (addressRows.get(p.address) ?? addressRows.set(p.address, []).get(p.address)!).push(p);
  for (const r of model.ranges) {
    if (!r.start || !r.end) continue;
    const len = lengthOn(r.networkId, r.start.family);
    const label = rangePurpose.get(r.text) ?? r.purpose;
    ranges.push({
      key: r.text,
      start_address: `${r.start.text}/${len}`,
      end_address: `${r.end.text}/${len}`,
      status: r.purpose === 'reserved' ? 'reserved' : 'active',
      mark_utilized: 'false',
      notes: [`${label} (${name(r.ownerId)})`],
    });
  }

  const addresses: Pending<typeof NETBOX_IP_ADDRESS_FIELDS>[] = [];
  const held = new Set(model.addresses.map((a) => a.text));
  for (const n of model.networks)
    if (n.gateway && !held.has(n.gateway.text)) {
      const text = `${n.gateway.text}/${lengthOn(n.id, n.gateway.family)}`;
      addresses.push({ key: text, address: text, status: 'active', is_primary: 'false', notes: [`gateway of ${n.name}`] });
    }
  for (const a of model.addresses) {
    if (!a.ip) continue;
    let networkId = a.networkId;
    if (networkId === null && a.role === 'infrastructure') {
      const at = resolveEndpoint(model, { address: a.text });
      networkId = typeof at === 'string' || at.pod ? null : at.networkId;
    }
    const text = `${a.ip.text}/${lengthOn(networkId, a.ip.family)}`;
    const vip = a.role === 'vip' || a.role === 'endpoint' || a.role === 'dns-vs';
    const row = addressRows.get(a.text)?.find((p) => p.holder.startsWith(name(a.ownerId)));
    addresses.push({
      key: text,
      address: text,
      status: 'active',
      role: vip ? 'vip' : '',
      is_primary: 'false',
      notes: [`${row?.purpose ?? a.role}: ${row?.holder ?? name(a.ownerId)}`],
    });
  }
  // A role only when every holder agrees (a gateway that is also a VIP keeps none).
  const roles = new Map<string, Set<string>>();
  for (const a of addresses) (roles.get(a.key) ?? roles.set(a.key, new Set()).get(a.key)!).add(a.role ?? '');
  for (const a of addresses) if ((roles.get(a.key)?.size ?? 0) > 1) a.role = '';

  return [
    { path: 'netbox/prefixes.csv', content: csv(NETBOX_PREFIX_FIELDS, merged(prefixes)) },
    { path: 'netbox/vlans.csv', content: csv(NETBOX_VLAN_FIELDS, merged(vlans)) },
    { path: 'netbox/ip-ranges.csv', content: csv(NETBOX_IP_RANGE_FIELDS, merged(ranges)) },
    { path: 'netbox/ip-addresses.csv', content: csv(NETBOX_IP_ADDRESS_FIELDS, merged(addresses)) },
  ];
}
