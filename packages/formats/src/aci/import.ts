/**
 * acc-provision input -> design (issue 6). The inverse of aci/index.ts: one `aciFabric` element per
 * file (merged with the design's fabric of the same system_id): APIC hosts, tenant, VRF, L3Out, AEP,
 * VMM domain (the vCenter domain the nodes are nested in, else the Kubernetes domain named after
 * system_id), the five CNI subnets in gateway/prefix form as written, and the kube-api, service and
 * infra VLANs.
 *
 * acc-provision's own input checks (formats.md §6.2) are import errors: required keys, the system_id
 * rule, `encap_type: vlan` needs `vlan_range`, `nested_inside` needs type vmware and a name, every
 * subnet needs a prefix. Its pairwise subnet-overlap check is the validator's `aci/subnet-overlap` for
 * the subnets the fabric holds; the import checks only the extra list entries the design does not
 * hold (a second pod_subnet). A missing l3out or infra_vlan is left to `aci/no-l3out` and
 * `aci/infra-vlan-disabled`. Whether the AEP has "Enable Infrastructure VLAN" is not in the file:
 * unknown.
 *
 * Known keys: a hand-written tree of aci_config and net_config (acc-provision 6.1.2.1
 * `templates/provision-config.yaml` and the keys acc_provision.py reads); the other sections
 * (registry, kube_config, logging, istio_config, ...) are kept whole in `extras` without checking
 * their keys, since the design models nothing in them and they change with every release.
 * APIC credentials (apic_login, sync_login passwords) are dropped.
 */
import type { ElementOf, ParsedCidr } from '@viplane/model';
import { isParseError, parseCidr } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { ImportedFile } from '../import/formats.ts';
import { KeyTree, extrasPath, isRecord, leaves, valueAt } from '../import/keytree.ts';
import { shown } from '../import/report.ts';
import type { KeyPath } from '../import/source.ts';
import { ACI_SYSTEM_ID } from './index.ts';

type Fabric = ElementOf<'aciFabric'>;
type Props = Fabric['props'];

/** Top-level sections of the input; only aci_config and net_config are checked key by key. */
const SECTIONS = [
  'aci_config',
  'net_config',
  'registry',
  'kube_config',
  'logging',
  'istio_config',
  'drop_log_config',
  'multus',
  'sriov_config',
  'dpu_config',
  'nodepodif_config',
  'rke2_config',
  'operator_managed_config',
  'user_config',
  'calico_config',
  'chained_cni_config',
  'cluster_config',
  'provision',
];
const FREE = SECTIONS.filter((s) => s !== 'aci_config' && s !== 'net_config').map((s) => `${s}.*`);

const ACI_KEYS = [
  'aci_config',
  'aci_config.system_id',
  'aci_config.apic_hosts',
  'aci_config.apic_login',
  'aci_config.apic_login.username',
  'aci_config.apic_login.password',
  'aci_config.apic_login.timeout',
  'aci_config.apic_oobm_ip',
  'aci_config.apic_proxy',
  'aci_config.apic_refreshtime',
  'aci_config.apic-refreshtime',
  'aci_config.apic_refreshticker_adjust',
  'aci_config.apic_subscription_delay',
  'aci_config.apic_use_inst',
  'aci_config.opflex_device_delete_timeout',
  'aci_config.client_cert',
  'aci_config.client_ssl',
  'aci_config.sync_login',
  'aci_config.sync_login.username',
  'aci_config.sync_login.password',
  'aci_config.sync_login.certfile',
  'aci_config.sync_login.keyfile',
  'aci_config.tenant',
  'aci_config.tenant.name',
  'aci_config.vmm_domain',
  'aci_config.vmm_domain.domain',
  'aci_config.vmm_domain.controller',
  'aci_config.vmm_domain.encap_type',
  'aci_config.vmm_domain.mcast_fabric',
  'aci_config.vmm_domain.mcast_range',
  'aci_config.vmm_domain.mcast_range.start',
  'aci_config.vmm_domain.mcast_range.end',
  'aci_config.vmm_domain.vlan_pool',
  'aci_config.vmm_domain.vlan_range',
  'aci_config.vmm_domain.vlan_range.start',
  'aci_config.vmm_domain.vlan_range.end',
  'aci_config.vmm_domain.nested_inside',
  'aci_config.vmm_domain.nested_inside.type',
  'aci_config.vmm_domain.nested_inside.name',
  'aci_config.vmm_domain.nested_inside.portgroup',
  'aci_config.vmm_domain.nested_inside.elag_name',
  'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip',
  'aci_config.physical_domain',
  'aci_config.physical_domain.domain',
  'aci_config.physical_domain.vlan_pool',
  'aci_config.aep',
  'aci_config.secondary_aep',
  'aci_config.vrf',
  'aci_config.vrf.name',
  'aci_config.vrf.tenant',
  'aci_config.l3out',
  'aci_config.l3out.name',
  'aci_config.l3out.external_networks',
  'aci_config.custom_epgs',
  'aci_config.kube_default_provide_kube_api',
  'aci_config.use_legacy_kube_naming_convention',
  'aci_config.disable_node_subnet_creation',
  'aci_config.cluster_l3out',
  'aci_config.cluster_l3out.*',
  'net_config',
  'net_config.node_subnet',
  'net_config.pod_subnet',
  'net_config.extern_dynamic',
  'net_config.extern_static',
  'net_config.node_svc_subnet',
  'net_config.cluster_svc_subnet',
  'net_config.kubeapi_vlan',
  'net_config.service_vlan',
  'net_config.infra_vlan',
  'net_config.interface_mtu',
  'net_config.interface_mtu_headroom',
  'net_config.service_monitor_interval',
  'net_config.pbr_tracking_non_snat',
  'net_config.disable_wait_for_network',
  'net_config.duration_wait_for_network',
  'net_config.pod_subnet_chunk_size',
  'net_config.second_kubeapi_portgroup',
  'net_config.kubeapi_vlan_ip',
];
const TREE = new KeyTree([...SECTIONS, ...FREE, ...ACI_KEYS]);

const SUBNETS = [
  ['node_subnet', 'nodeSubnet'],
  ['pod_subnet', 'podSubnet'],
  ['extern_dynamic', 'externDynamic'],
  ['extern_static', 'externStatic'],
  ['node_svc_subnet', 'nodeServiceSubnet'],
] as const;
const VLANS = [
  ['kubeapi_vlan', 'kubeApiVlan'],
  ['service_vlan', 'serviceVlan'],
  ['infra_vlan', 'infraVlan'],
] as const;

/** What the fabric models (not kept in extras). */
const MODELLED = new Set([
  'aci_config.system_id',
  'aci_config.apic_hosts',
  'aci_config.aep',
  'aci_config.vrf.name',
  'aci_config.vrf.tenant',
  'aci_config.l3out.name',
  'aci_config.l3out.external_networks',
  'aci_config.tenant.name',
  'aci_config.vmm_domain.nested_inside.name',
  'aci_config.vmm_domain.nested_inside.type',
  ...SUBNETS.map(([k]) => `net_config.${k}`),
  ...VLANS.map(([k]) => `net_config.${k}`),
]);
const SECRETS = new Set(['aci_config.apic_login.password', 'aci_config.apic_login.username', 'aci_config.sync_login.password', 'aci_config.sync_login.username']);

/** Is this acc-provision input? A mapping with an aci_config or net_config mapping. */
export function looksLikeAccProvision(value: unknown): boolean {
  return isRecord(value) && (isRecord(value['aci_config']) || isRecord(value['net_config']));
}

export function importAci(draft: ImportDraft, files: readonly ImportedFile[]): void {
  for (const file of files) readFile(draft, file);
}

function readFile(draft: ImportDraft, file: ImportedFile): void {
  const r = file.reporter;
  const input = file.documents[0]?.value;
  if (!isRecord(input)) {
    r.error('import/not-a-mapping', 'an acc-provision input is a YAML mapping (aci_config, net_config, ...)', { value: input, expected: 'a mapping' });
    return;
  }
  const unknownKeys = TREE.unknownKeys(input, 'acc-provision');
  for (const u of unknownKeys) r.warning('import/unknown-key', u.message, { key: u.key, value: u.value });
  const secrets = leaves(TREE, input)
    .map(([k]) => k.join('.'))
    .filter((k) => SECRETS.has(k) && valueAt(input, k.split('.')) !== null && valueAt(input, k.split('.')) !== '');
  if (secrets.length > 0)
    r.info('import/secret-dropped', `credentials not imported (a design never holds secrets; acc-provision takes them with -u/-p): ${secrets.join(', ')}`, {
      key: ['aci_config'],
      data: { keys: secrets },
    });

  const get = (...key: KeyPath): unknown => valueAt(input, key);
  const bad = (key: KeyPath, value: unknown, expected: string, why = ''): void =>
    r.error('import/bad-value', `${key.join('.')} is ${shown(value)}; expected ${expected}${why}`, { key, value, expected });
  const missing: string[] = [];
  const str = (...key: KeyPath): string | undefined => {
    const v = get(...key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    bad(key, v, 'a name');
    return undefined;
  };
  const required = (key: KeyPath, value: string | undefined | null): void => {
    if (value === undefined || value === null) missing.push(key.join('.'));
  };
  const names = (...key: KeyPath): string[] | undefined => {
    const v = get(...key);
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? (v as unknown[]) : [v];
    const out: string[] = [];
    list.forEach((x, i) => {
      if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
      else bad(Array.isArray(v) ? [...key, i] : key, x, 'a name');
    });
    return out;
  };

  // aci_config
  const systemId = str('aci_config', 'system_id');
  required(['aci_config', 'system_id'], systemId);
  if (systemId !== undefined && !ACI_SYSTEM_ID.test(systemId))
    bad(['aci_config', 'system_id'], systemId, '2-31 characters: a letter first, then letters, digits or "_"', ' (acc-provision rejects "-")');
  const apicHosts = names('aci_config', 'apic_hosts');
  if (apicHosts === undefined || apicHosts.length === 0) missing.push('aci_config.apic_hosts');
  const aep = str('aci_config', 'aep');
  required(['aci_config', 'aep'], aep);
  const vrfName = str('aci_config', 'vrf', 'name');
  const vrfTenant = str('aci_config', 'vrf', 'tenant');
  required(['aci_config', 'vrf', 'name'], vrfName);
  required(['aci_config', 'vrf', 'tenant'], vrfTenant);
  const l3outName = str('aci_config', 'l3out', 'name');
  const external = names('aci_config', 'l3out', 'external_networks');
  const tenant = str('aci_config', 'tenant', 'name');

  const encap = str('aci_config', 'vmm_domain', 'encap_type') ?? 'vxlan';
  if (encap !== 'vxlan' && encap !== 'vlan') bad(['aci_config', 'vmm_domain', 'encap_type'], encap, 'vxlan or vlan');
  if (encap === 'vlan')
    for (const end of ['start', 'end'])
      if (get('aci_config', 'vmm_domain', 'vlan_range', end) === undefined)
        r.error('import/missing-value', `aci_config.vmm_domain.vlan_range.${end} is required with encap_type vlan`, {
          key: isRecord(get('aci_config', 'vmm_domain', 'vlan_range')) ? ['aci_config', 'vmm_domain', 'vlan_range'] : ['aci_config', 'vmm_domain', 'encap_type'],
          expected: `vlan_range.${end}`,
        });
  const nested = get('aci_config', 'vmm_domain', 'nested_inside');
  let nestedName: string | undefined;
  if (isRecord(nested)) {
    const type = str('aci_config', 'vmm_domain', 'nested_inside', 'type');
    if (type !== undefined && type.toLowerCase() !== 'vmware') bad(['aci_config', 'vmm_domain', 'nested_inside', 'type'], type, 'vmware');
    nestedName = str('aci_config', 'vmm_domain', 'nested_inside', 'name');
    if (type !== undefined && nestedName === undefined)
      r.error('import/missing-value', 'aci_config.vmm_domain.nested_inside.name is required with nested_inside.type', {
        key: ['aci_config', 'vmm_domain', 'nested_inside'],
        expected: 'the vCenter VMM domain name',
      });
  }

  // net_config: subnets (scalar or list; the design holds the first), VLANs.
  const subnets: Partial<Record<(typeof SUBNETS)[number][1], string | null>> = {};
  const extraEntries: { key: string; text: string; cidr: ParsedCidr }[] = [];
  const held: { key: string; text: string; cidr: ParsedCidr }[] = [];
  for (const [key, prop] of SUBNETS) {
    const v = get('net_config', key);
    if (v === undefined || v === null || v === '') {
      missing.push(`net_config.${key}`);
      continue;
    }
    const list = Array.isArray(v) ? (v as unknown[]) : [v];
    list.forEach((entry, i) => {
      const at: KeyPath = Array.isArray(v) ? ['net_config', key, i] : ['net_config', key];
      const text = typeof entry === 'string' ? entry : String(entry);
      const parsed = typeof entry === 'string' && entry.includes('/') ? parseCidr(entry) : null;
      if (parsed === null || isParseError(parsed)) {
        bad(at, entry, 'gateway-address/prefix such as 10.1.0.1/16', ' (acc-provision fails on a subnet without a prefix)');
        return;
      }
      if (i === 0) {
        subnets[prop] = text;
        held.push({ key, text, cidr: parsed });
      } else extraEntries.push({ key: `${key}[${i}]`, text, cidr: parsed });
    });
    if (list.length > 1)
      r.warning('import/simplified', `net_config.${key} has ${list.length} subnets; the design models the first (the list is kept as written)`, {
        key: ['net_config', key],
      });
  }
  // acc-provision's overlap check for the entries the validator does not see (the design holds the first of each).
  for (const a of extraEntries)
    for (const b of [...held, ...extraEntries]) {
      if (a === b || (extraEntries.includes(b) && extraEntries.indexOf(b) < extraEntries.indexOf(a))) continue;
      if (a.cidr.family === b.cidr.family && a.cidr.start <= b.cidr.end && b.cidr.start <= a.cidr.end)
        r.error('import/aci-subnet-overlap', `net_config.${a.key} ${a.text} overlaps ${b.key} ${b.text}: acc-provision rejects the input`, {
          key: ['net_config', a.key.replace(/\[\d+\]$/, '')],
          value: a.text,
          data: { a: a.key, b: b.key },
        });
    }

  const vlans: Partial<Record<(typeof VLANS)[number][1], number | null>> = {};
  for (const [key, prop] of VLANS) {
    const v = get('net_config', key);
    if (v === undefined || v === null || v === '') {
      vlans[prop] = null;
      if (key !== 'infra_vlan') missing.push(`net_config.${key}`); // no infra VLAN: aci/infra-vlan-disabled
      continue;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n)) vlans[prop] = n;
    else bad(['net_config', key], v, 'a VLAN id (a whole number)');
  }

  if (missing.length > 0)
    r.error('import/missing-value', `acc-provision requires ${missing.join(', ')} (not in the file; unknown in the design)`, {
      expected: missing.join(', '),
      data: { keys: missing },
    });

  // The fabric: the design's fabric with this system_id, else a new one.
  const name = systemId ?? file.stem;
  const existing = draft.ofKind('aciFabric').find((f) => f.props.systemId === name || (systemId === undefined && f.name === name));
  const fabric = existing ?? draft.add('aciFabric', name, {}, { by: r });
  const at = (...key: KeyPath) => ({ reporter: r, key });
  const setOrUnknown = <P extends keyof Props>(prop: P, value: Props[P] | undefined, key: KeyPath): void => {
    if (value !== undefined) draft.set(fabric, prop, value, at(...key));
    else draft.markUnknown(fabric, prop);
  };
  setOrUnknown('systemId', systemId, ['aci_config', 'system_id']);
  setOrUnknown('apicHosts', apicHosts && apicHosts.length > 0 ? apicHosts : undefined, ['aci_config', 'apic_hosts']);
  setOrUnknown('aep', aep, ['aci_config', 'aep']);
  // acc-provision creates the cluster's tenant named after system_id unless aci_config.tenant names one.
  setOrUnknown('tenant', tenant ?? systemId, ['aci_config', 'tenant']);
  draft.set(fabric, 'vrf', { name: vrfName ?? '', tenant: vrfTenant ?? '' }, at('aci_config', 'vrf'));
  if (vrfName === undefined || vrfTenant === undefined) draft.markUnknown(fabric, 'vrf');
  draft.set(
    fabric,
    'l3out',
    l3outName === undefined && external === undefined ? null : { name: l3outName ?? '', externalNetworks: external ?? [] },
    at('aci_config', 'l3out'),
  );
  // The VMM domain the nodes' VMs sit in; without nesting, the Kubernetes VMM domain (named system_id).
  setOrUnknown('vmmDomain', nestedName ?? systemId, ['aci_config', 'vmm_domain']);
  draft.markUnknown(fabric, 'infraVlanEnabled');
  for (const [key, prop] of SUBNETS) setOrUnknown(prop, subnets[prop], ['net_config', key]);
  for (const [key, prop] of VLANS) {
    const v = vlans[prop];
    if (v === undefined) draft.markUnknown(fabric, prop);
    else draft.set(fabric, prop, v, at('net_config', key));
    if (v === null && key !== 'infra_vlan') draft.markUnknown(fabric, prop);
  }

  // Everything else: extras under its dotted path (other sections whole).
  for (const [key, value] of leaves(TREE, input)) {
    const path = key.join('.');
    if (MODELLED.has(path) || SECRETS.has(path)) continue;
    if (path === 'aci_config.vmm_domain.encap_type' && value === 'vxlan') continue; // what the export writes
    draft.extra(fabric, path, value);
  }
  for (const u of unknownKeys) {
    const { path, key } = extrasPath(u.key);
    if (!SECRETS.has(path) && !(path in (fabric.extras ?? {}))) draft.extra(fabric, path, valueAt(input, key));
  }
  for (const [key] of SUBNETS) {
    const v = get('net_config', key);
    if (Array.isArray(v) && v.length > 1) draft.extra(fabric, `net_config.${key}`, v);
  }
}
