/**
 * TKG cluster configuration files -> design (issue 6). The inverse of tkg/index.ts: one flat
 * `KEY: value` YAML per cluster (formats.md §2). Several files make one design: the vCenter is matched
 * by VSPHERE_SERVER, networks by port-group name, the Tier-1 by its NSXT_ROUTER_PATH id, the Controller
 * by AVI_CONTROLLER, and workload clusters are linked to the management cluster of the import.
 *
 * What the files say is applied; what they cannot say is marked unknown (a node network's gateway,
 * the Tier-1's Tier-0), never invented. TKG's own documented defaults fill what a file leaves empty
 * (CLUSTER_CIDR 100.96.0.0/11, plan-sized machine counts), each with an info naming the default.
 * Known variables the design does not model are kept in the cluster's `extras` and exported back;
 * credentials are dropped (listed in one info); unknown keys are warnings with the closest known key.
 */
import type { ElementOf } from '@viplane/model';
import { formatCidr, isParseError, parseCidr, parseIp } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import { unknownKeyMessage } from '../import/keys.ts';
import { shown, type FileReporter } from '../import/report.ts';
import type { ImportedFile } from '../import/formats.ts';
import { TKG_VARIABLES } from './variables.ts';

type Cluster = ElementOf<'tkgCluster'>;
type Network = ElementOf<'portGroup'> | ElementOf<'nsxtSegment'>;
type Value = string | number | boolean | null;

/**
 * Variables the tanzu CLI and installer UI write that are not in v0.29.0's config_default.yaml:
 * TKG_HTTP_PROXY_ENABLED is written by the installer UI (seed 001's management.yaml has it).
 */
const CLI_VARIABLES = ['TKG_HTTP_PROXY_ENABLED'];
const KNOWN = [...TKG_VARIABLES, ...CLI_VARIABLES];
const KNOWN_SET = new Set(KNOWN);

/** Credentials and key material never enter a document (exports write placeholders for them). */
const SECRET = /(PASSWORD|USERNAME|_CA_DATA|CERT_DATA|KEY_DATA|SSH_AUTHORIZED_KEY|TOKEN|_SECRET|BIND_PASSWORD|CLIENT_SECRET)/;

/** Variables the design models (the rest of the known ones go to extras). */
const MODELLED = new Set([
  'CLUSTER_NAME',
  'CLUSTER_PLAN',
  'INFRASTRUCTURE_PROVIDER',
  'CONTROL_PLANE_MACHINE_COUNT',
  'WORKER_MACHINE_COUNT',
  'CNI',
  'TKG_IP_FAMILY',
  'CLUSTER_CIDR',
  'SERVICE_CIDR',
  'VSPHERE_SERVER',
  'VSPHERE_DATACENTER',
  'VSPHERE_DATASTORE',
  'VSPHERE_FOLDER',
  'VSPHERE_RESOURCE_POOL',
  'VSPHERE_NETWORK',
  'VSPHERE_CONTROL_PLANE_ENDPOINT',
  'AVI_ENABLE',
  'AVI_CONTROL_PLANE_HA_PROVIDER',
  'AVI_CONTROLLER',
  'AVI_CLOUD_NAME',
  'AVI_SERVICE_ENGINE_GROUP',
  'AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP',
  'AVI_DATA_NETWORK',
  'AVI_DATA_NETWORK_CIDR',
  'AVI_CONTROL_PLANE_NETWORK',
  'AVI_CONTROL_PLANE_NETWORK_CIDR',
  'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME',
  'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_CIDR',
  'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_NAME',
  'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_CIDR',
  'NSXT_POD_ROUTING_ENABLED',
  'NSXT_ROUTER_PATH',
]);

/** The plan's machine counts when the file gives none (TKG docs: dev 1+1, prod 3+3). */
const PLAN_COUNTS = { dev: { controlPlane: 1, workers: 1 }, prod: { controlPlane: 3, workers: 3 } } as const;
const DEFAULT_CIDRS = { 4: { pod: '100.96.0.0/11', service: '100.64.0.0/13' }, 6: { pod: 'fd00:100:96::/48', service: 'fd00:100:64::/108' } };
const PLACEHOLDER = /^<[A-Z][A-Z0-9_]*>$/;
const ROUTER_PATH = /^\/infra\/tier-1s\/([A-Za-z0-9][A-Za-z0-9_.:-]{0,127})$/;

/** Keys whose presence says "management cluster": AKO and identity settings live there only. */
const MANAGEMENT_ONLY = /^(AVI_ENABLE|AVI_CONTROLLER|AVI_CLOUD_NAME|AVI_CA_DATA_B64|AVI_MANAGEMENT_CLUSTER_|IDENTITY_MANAGEMENT_TYPE|LDAP_|OIDC_)/;

type TkgFile = ImportedFile;

/** Is this a TKG cluster config? A flat mapping whose keys are mostly TKG variables. */
export function looksLikeTkg(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.some((k) => !/^[A-Z][A-Z0-9_]*$/.test(k))) return false;
  return keys.filter((k) => KNOWN_SET.has(k)).length >= Math.max(1, Math.ceil(keys.length / 2));
}

/** Reads every TKG file into the draft, then links workload clusters to the management cluster. */
export function importTkg(draft: ImportDraft, files: readonly TkgFile[]): void {
  const read: { file: TkgFile; cluster: Cluster; avi: AviSettings | null; labels: Record<string, string> | null }[] = [];
  for (const file of files) {
    const result = readFile(draft, file);
    if (result) read.push({ file, ...result });
  }
  // Link workload clusters to the management cluster: the one in these files, else the design's only one.
  const managements = draft.ofKind('tkgCluster').filter((c) => c.props.role === 'management');
  for (const { file, cluster } of read) {
    if (cluster.props.role !== 'workload' || cluster.props.managementClusterId !== null) continue;
    if (managements.length === 1) {
      cluster.props.managementClusterId = managements[0]!.id;
      draft.clearUnknown(cluster, 'managementClusterId');
    } else {
      draft.markUnknown(cluster, 'managementClusterId');
      file.reporter.info(
        'import/management-cluster-unknown',
        managements.length === 0
          ? `cluster ${cluster.name}: no management cluster config among the files; its management cluster is unknown`
          : `cluster ${cluster.name}: ${managements.length} management clusters (${managements.map((m) => m.name).join(', ')}); choose its own in the inspector`,
        { targets: [{ kind: 'tkgCluster', id: cluster.id }] },
      );
    }
  }
  // NSX-ALB through the AKO operator: the management cluster's AVI_* settings reach every workload
  // cluster whose labels match AVI_LABELS (empty = all clusters, formats.md §2.2).
  for (const m of read) {
    if (m.cluster.props.role !== 'management' || !m.avi) continue;
    for (const w of read) {
      if (w.cluster.props.role !== 'workload' || w.cluster.props.managementClusterId !== m.cluster.id) continue;
      if (!labelsMatch(m.labels, w.labels)) continue;
      applyWorkloadAvi(draft, w.cluster, m.avi, w.file);
    }
  }
}

interface AviSettings {
  controller: ElementOf<'aviController'>;
  seGroup: ElementOf<'seGroup'> | null;
  data: Network | null;
  /** AVI_CONTROL_PLANE_NETWORK pair, else the management VIP pair, else data (formats.md §2.3). */
  workloadControlPlane: Network | null;
}

function readFile(
  draft: ImportDraft,
  file: TkgFile,
): { cluster: Cluster; avi: AviSettings | null; labels: Record<string, string> | null } | null {
  const { reporter: r, text } = file;
  const raw = file.documents[0]?.value;
  if (!isRecord(raw)) {
    r.error('import/not-a-mapping', 'a TKG cluster config is a mapping of KEY: value', { value: raw, expected: 'KEY: value lines' });
    return null;
  }
  const vars = new Map<string, Value>();
  const secrets: string[] = [];
  const placeholders: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    // `<VSPHERE_DATACENTER>`: a placeholder (Viplane's exports write them) says nothing.
    if (typeof value === 'string' && PLACEHOLDER.test(value) && !SECRET.test(key)) {
      placeholders.push(key);
      continue;
    }
    if (!KNOWN_SET.has(key)) {
      r.warning('import/unknown-key', unknownKeyMessage(key, 'TKG', KNOWN), { key: [key], value });
      vars.set(key, scalar(value));
      continue;
    }
    if (SECRET.test(key)) {
      secrets.push(key);
      continue;
    }
    if (value !== null && typeof value === 'object') {
      vars.set(key, JSON.stringify(value));
      continue;
    }
    vars.set(key, scalar(value));
  }
  if (placeholders.length > 0)
    r.info('import/placeholder', `placeholders left unknown: ${placeholders.join(', ')}`, { data: { keys: placeholders } });
  if (secrets.length > 0)
    r.info('import/secret-dropped', `credentials not imported (a design never holds secrets; exports write placeholders): ${secrets.join(', ')}`, {
      data: { keys: secrets },
    });

  const get = (key: string): Value | undefined => {
    const v = vars.get(key);
    return v === null || v === '' ? undefined : v;
  };
  const str = (key: string): string | undefined => {
    const v = get(key);
    return v === undefined ? undefined : String(v);
  };
  const bool = (key: string): boolean | undefined => {
    const v = get(key);
    if (v === undefined) return undefined;
    if (v === true || v === 'true' || v === 'True' || v === 'TRUE') return true;
    if (v === false || v === 'false' || v === 'False' || v === 'FALSE') return false;
    r.error('import/bad-value', `${key} is ${shown(v)}; expected true or false`, { key: [key], value: v, expected: 'true or false' });
    return undefined;
  };
  const count = (key: string): number | undefined => {
    const v = get(key);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : /^\d+$/.test(String(v)) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 100_000) return n;
    r.error('import/bad-value', `${key} is ${shown(v)}; expected a whole number`, { key: [key], value: v, expected: 'a whole number 0-100000' });
    return undefined;
  };
  const cidr = (key: string): string | undefined => {
    const v = str(key);
    if (v === undefined) return undefined;
    if (!isParseError(parseCidr(v))) return v;
    r.error('import/bad-value', `${key} is ${shown(v)}; expected a CIDR such as 172.16.128.0/21`, { key: [key], value: v, expected: 'a CIDR (address/prefix)' });
    return undefined;
  };

  // Role: our own export's header says it; else management-only keys; else the file name.
  const header = /^#\s*TKG (management|workload) cluster/m.exec(text)?.[1];
  const managementKey = [...vars.keys()].find((k) => MANAGEMENT_ONLY.test(k));
  const role: 'management' | 'workload' =
    header === 'management' || header === 'workload'
      ? header
      : managementKey !== undefined || /(^|[-_.])(mgmt|management)([-_.]|$)/i.test(file.stem)
        ? 'management'
        : 'workload';
  if (header === undefined)
    r.info(
      'import/cluster-role',
      managementKey !== undefined
        ? `read as a management-cluster config (it sets ${managementKey})`
        : role === 'management'
          ? `read as a management-cluster config (file name ${file.stem})`
          : 'read as a workload-cluster config (no management-only variable such as AVI_CONTROLLER)',
      { key: managementKey !== undefined ? [managementKey] : [], data: { role } },
    );

  let name = str('CLUSTER_NAME');
  if (name === undefined) {
    name = file.stem;
    r.warning('import/missing-value', `CLUSTER_NAME is not set; the cluster is named after the file: ${name}`, {
      key: ['CLUSTER_NAME'],
      expected: 'the cluster name',
    });
  }
  const provider = str('INFRASTRUCTURE_PROVIDER');
  if (provider !== undefined && provider !== 'vsphere')
    r.error('import/bad-value', `INFRASTRUCTURE_PROVIDER is ${shown(provider)}; Viplane designs TKG on vSphere`, {
      key: ['INFRASTRUCTURE_PROVIDER'],
      value: provider,
      expected: 'vsphere',
    });

  const planText = str('CLUSTER_PLAN');
  let plan: 'dev' | 'prod' = 'dev';
  if (planText === 'dev' || planText === 'prod') plan = planText;
  else if (planText !== undefined)
    r.error('import/bad-value', `CLUSTER_PLAN is ${shown(planText)}; expected dev or prod`, { key: ['CLUSTER_PLAN'], value: planText, expected: 'dev or prod' });
  else r.info('import/default-applied', 'CLUSTER_PLAN is not set; TKG uses dev', { key: [], data: { key: 'CLUSTER_PLAN', default: 'dev' } });

  const existing = draft.byName(['tkgCluster'], name);
  const cluster =
    existing ??
    draft.add('tkgCluster', name, { role, endpoint: { provider: 'kube-vip', address: null } }, { by: file.reporter });
  const at = (key: string) => ({ reporter: r, key: [key] });
  if (existing) draft.set(cluster, 'role', role, at('CLUSTER_PLAN'));
  draft.set(cluster, 'plan', plan, at('CLUSTER_PLAN'));

  const cp = count('CONTROL_PLANE_MACHINE_COUNT');
  const workers = count('WORKER_MACHINE_COUNT');
  draft.set(cluster, 'controlPlaneCount', cp ?? PLAN_COUNTS[plan].controlPlane, at('CONTROL_PLANE_MACHINE_COUNT'));
  draft.set(cluster, 'workerCount', workers ?? PLAN_COUNTS[plan].workers, at('WORKER_MACHINE_COUNT'));
  if (cp === undefined || workers === undefined)
    r.info(
      'import/default-applied',
      `${[cp === undefined ? 'CONTROL_PLANE_MACHINE_COUNT' : '', workers === undefined ? 'WORKER_MACHINE_COUNT' : ''].filter(Boolean).join(' and ')} not set: the ${plan} plan's counts apply (control plane ${PLAN_COUNTS[plan].controlPlane}, workers ${PLAN_COUNTS[plan].workers})`,
      { targets: [{ kind: 'tkgCluster', id: cluster.id }] },
    );

  const cni = str('CNI');
  if (cni === undefined || cni === 'antrea' || cni === 'calico') draft.set(cluster, 'cni', cni ?? 'antrea', at('CNI'));
  else if (cni === 'none') {
    draft.set(cluster, 'cni', 'other', at('CNI'));
    draft.extra(cluster, 'CNI', 'none');
  } else r.error('import/bad-value', `CNI is ${shown(cni)}; expected antrea, calico or none`, { key: ['CNI'], value: cni, expected: 'antrea, calico or none' });

  // Addressing.
  const familyText = str('TKG_IP_FAMILY') ?? 'ipv4';
  const family = familyText.startsWith('ipv6') ? 6 : 4;
  if (!['ipv4', 'ipv6', 'ipv4,ipv6', 'ipv6,ipv4'].includes(familyText))
    r.error('import/bad-value', `TKG_IP_FAMILY is ${shown(familyText)}`, { key: ['TKG_IP_FAMILY'], value: familyText, expected: 'ipv4, ipv6, ipv4,ipv6 or ipv6,ipv4' });
  for (const [key, prop, fallback] of [
    ['CLUSTER_CIDR', 'podCidr', DEFAULT_CIDRS[family].pod],
    ['SERVICE_CIDR', 'serviceCidr', DEFAULT_CIDRS[family].service],
  ] as const) {
    const whole = str(key);
    const first = whole?.split(',')[0]?.trim();
    if (whole !== undefined && whole.includes(',')) {
      r.warning('import/dual-stack', `${key} ${whole}: the design models the first family only (${first}); the whole value is kept`, { key: [key], value: whole });
      draft.extra(cluster, key, whole);
    }
    if (first !== undefined && !isParseError(parseCidr(first))) draft.set(cluster, prop, first, at(key));
    else if (first !== undefined)
      r.error('import/bad-value', `${key} is ${shown(whole)}; expected a CIDR such as ${fallback}`, { key: [key], value: whole, expected: 'a CIDR (address/prefix)' });
    else {
      draft.set(cluster, prop, fallback, at(key));
      r.info('import/default-applied', `${key} is not set; the tanzu CLI fills in ${fallback}`, { key: [], data: { key, default: fallback } });
    }
  }

  // vSphere: the vCenter by VSPHERE_SERVER; the node network by port-group name.
  const server = str('VSPHERE_SERVER');
  if (server !== undefined) {
    const vc =
      draft.ofKind('vcenter').find((v) => v.props.server === server) ??
      draft.add('vcenter', `vCenter ${server}`, { server }, { by: r, unknown: ['distributedSwitch'] });
    for (const [key, prop] of [
      ['VSPHERE_DATACENTER', 'datacenter'],
      ['VSPHERE_DATASTORE', 'datastore'],
      ['VSPHERE_FOLDER', 'folder'],
      ['VSPHERE_RESOURCE_POOL', 'resourcePool'],
    ] as const) {
      const v = str(key);
      if (v !== undefined) draft.set(vc, prop, v, at(key));
      else draft.markUnknown(vc, prop);
    }
    draft.set(cluster, 'vcenterId', vc.id, at('VSPHERE_SERVER'));
  } else draft.markUnknown(cluster, 'vcenterId');

  // NSX-T routable pods: the Tier-1 of NSXT_ROUTER_PATH; the node network is then a segment on it.
  let tier1: ElementOf<'nsxtTier1'> | null = null;
  if (bool('NSXT_POD_ROUTING_ENABLED') === true) {
    const path = str('NSXT_ROUTER_PATH');
    const id = path === undefined ? undefined : ROUTER_PATH.exec(path)?.[1];
    if (path !== undefined && id === undefined)
      r.error('import/bad-value', `NSXT_ROUTER_PATH is ${shown(path)}; expected a Tier-1 policy path /infra/tier-1s/<id>`, {
        key: ['NSXT_ROUTER_PATH'],
        value: path,
        expected: '/infra/tier-1s/<tier-1 id>',
      });
    if (id !== undefined) {
      tier1 =
        (draft.byId(id)?.kind === 'nsxtTier1' ? (draft.byId(id) as ElementOf<'nsxtTier1'>) : undefined) ??
        draft.byName(['nsxtTier1'], id) ??
        // The CPI adds the per-node routes at run time: an empty route list is what the file implies.
        draft.add('nsxtTier1', id, { staticRoutes: [], routeAdvertisement: [] }, { id, by: r, unknown: ['tier0Id', 'routeAdvertisement'] });
    } else draft.markUnknown(cluster, 'routablePods.tier1Id');
    draft.set(cluster, 'routablePods', { tier1Id: tier1?.id ?? null }, at('NSXT_POD_ROUTING_ENABLED'));
    const manager = str('NSXT_MANAGER_HOST');
    if (manager !== undefined) draft.extra(cluster, 'NSXT_MANAGER_HOST', manager);
  } else if (vars.has('NSXT_POD_ROUTING_ENABLED')) draft.set(cluster, 'routablePods', null, at('NSXT_POD_ROUTING_ENABLED'));

  const networkName = str('VSPHERE_NETWORK');
  if (networkName !== undefined) {
    const net = network(draft, lastPathElement(networkName), r, tier1);
    draft.set(cluster, 'nodeNetworkId', net.id, at('VSPHERE_NETWORK'));
    // TKG nodes take their addresses by DHCP (formats.md §2.2 VSPHERE_NETWORK).
    if (draft.isNew(net)) draft.set(net, 'dhcp', true, at('VSPHERE_NETWORK'));
    if (networkName !== lastPathElement(networkName)) draft.extra(cluster, 'VSPHERE_NETWORK', networkName);
  } else {
    r.info('import/default-applied', 'VSPHERE_NETWORK is not set; TKG uses the port group "VM Network"', { data: { key: 'VSPHERE_NETWORK' } });
    draft.set(cluster, 'nodeNetworkId', network(draft, 'VM Network', r, tier1).id, at('VSPHERE_NETWORK'));
  }

  // Control-plane endpoint: NSX-ALB allocates one, kube-vip needs a fixed address.
  const albHa = bool('AVI_CONTROL_PLANE_HA_PROVIDER') ?? false;
  const endpoint = str('VSPHERE_CONTROL_PLANE_ENDPOINT');
  let address: string | null = null;
  if (endpoint !== undefined) {
    if (!isParseError(parseIp(endpoint))) address = endpoint;
    else {
      // An FQDN: the design holds addresses; keep the name so the export writes it back.
      draft.extra(cluster, 'VSPHERE_CONTROL_PLANE_ENDPOINT', endpoint);
      draft.markUnknown(cluster, 'endpoint.address');
      r.info('import/fqdn', `VSPHERE_CONTROL_PLANE_ENDPOINT ${endpoint} is a name; the address it resolves to is unknown`, {
        key: ['VSPHERE_CONTROL_PLANE_ENDPOINT'],
        value: endpoint,
      });
    }
  }
  draft.set(cluster, 'endpoint', { provider: albHa ? 'nsx-alb' : 'kube-vip', address }, at('VSPHERE_CONTROL_PLANE_ENDPOINT'));
  if (endpoint !== undefined && address === null) draft.markUnknown(cluster, 'endpoint.address');

  // NSX-ALB (management cluster): Controller, SE group, VIP networks.
  let avi: AviSettings | null = null;
  if (role === 'management' && bool('AVI_ENABLE') === true) {
    const host = str('AVI_CONTROLLER');
    const cloudName = str('AVI_CLOUD_NAME');
    const controller = findController(draft, host) ?? draft.add('aviController', host ? `NSX-ALB Controller ${host}` : 'NSX-ALB Controller', {}, {
      by: r,
      unknown: ['version', 'vrfs', 'ipamProfile', 'dnsProfile'],
    });
    if (cloudName !== undefined) draft.set(controller, 'cloudName', cloudName, at('AVI_CLOUD_NAME'));
    else draft.markUnknown(controller, 'cloudName');
    if (cluster.props.vcenterId !== null && controller.props.vcenterId === null) controller.props.vcenterId = cluster.props.vcenterId;
    if (host !== undefined && !isParseError(parseIp(host))) {
      // The Controller sits on a network the file does not name: one with every value unknown.
      const existing = draft.linksOf(controller.id).find((l) => l.kind === 'nic' && l.from === controller.id && l.role === 'management');
      if (!existing) {
        const net = draft.add('portGroup', `Controller network (${host})`, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] });
        draft.nic(controller, net, { role: 'management', address: host, addressMode: 'static' });
      }
    } else if (host !== undefined) draft.extra(cluster, 'AVI_CONTROLLER', host);

    const seName = str('AVI_SERVICE_ENGINE_GROUP');
    const seGroup = seName === undefined ? null : seGroupOf(draft, controller, seName, r);
    const mgmtSeName = str('AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP');
    const mgmtSe = mgmtSeName === undefined ? seGroup : seGroupOf(draft, controller, mgmtSeName, r);

    const pair = (nameKey: string, cidrKey: string): Network | null => {
      const n = str(nameKey);
      const c = cidr(cidrKey);
      // The AKO operator uses a pair only when both halves are set (formats.md §2.3).
      if (n === undefined || c === undefined) {
        if ((n === undefined) !== (c === undefined))
          r.warning('import/incomplete-pair', `${n === undefined ? cidrKey : nameKey} is set without ${n === undefined ? nameKey : cidrKey}: TKG ignores the pair`, {
            key: [n === undefined ? cidrKey : nameKey],
          });
        return null;
      }
      const net = network(draft, n, r, null);
      const canonical = canonicalCidr(c);
      if (draft.isNew(net) || net.props.subnet === null) draft.set(net, 'subnet', canonical, at(cidrKey));
      else if (net.props.subnet !== canonical)
        r.warning('import/conflict', `${cidrKey} ${c} differs from network ${net.name}'s subnet ${net.props.subnet}`, {
          key: [cidrKey],
          value: c,
          targets: [{ kind: net.kind, id: net.id }],
        });
      if (net.kind === 'portGroup') draft.set(net, 'albRegistered', true, at(nameKey));
      return net;
    };
    const data = pair('AVI_DATA_NETWORK', 'AVI_DATA_NETWORK_CIDR');
    const mgmtVip = pair('AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_CIDR');
    const mgmtCp = pair('AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_CIDR');
    const workloadCp = pair('AVI_CONTROL_PLANE_NETWORK', 'AVI_CONTROL_PLANE_NETWORK_CIDR');
    if (data === null)
      r.warning('import/missing-value', 'AVI_ENABLE is true but AVI_DATA_NETWORK / AVI_DATA_NETWORK_CIDR are not both set (the tanzu CLI requires them)', {
        key: ['AVI_ENABLE'],
        expected: 'AVI_DATA_NETWORK and AVI_DATA_NETWORK_CIDR',
      });

    const managementData = mgmtVip ?? data;
    const managementCp = mgmtCp ?? managementData;
    draft.set(cluster, 'controllerId', controller.id, at('AVI_CONTROLLER'));
    draft.set(cluster, 'seGroupId', mgmtSe?.id ?? null, at('AVI_SERVICE_ENGINE_GROUP'));
    draft.set(cluster, 'workloadVipNetworkId', managementData?.id ?? null, at('AVI_DATA_NETWORK'));
    draft.set(cluster, 'controlPlaneVipNetworkId', managementCp && managementCp !== managementData ? managementCp.id : null, at('AVI_DATA_NETWORK'));
    avi = { controller, seGroup, data, workloadControlPlane: workloadCp ?? mgmtVip ?? data };
  }

  // Every other known variable is kept as written so the export gives it back.
  for (const [key, value] of vars) if (!MODELLED.has(key) && !(key in (cluster.extras ?? {}))) draft.extra(cluster, key, value);

  const labels = parseLabels(get('AVI_LABELS'));
  return { cluster, avi, labels };
}

function applyWorkloadAvi(draft: ImportDraft, cluster: Cluster, avi: AviSettings, file: TkgFile): void {
  const from = { reporter: file.reporter, key: ['AVI_CONTROL_PLANE_HA_PROVIDER'] };
  draft.set(cluster, 'controllerId', avi.controller.id, from);
  draft.set(cluster, 'seGroupId', avi.seGroup?.id ?? null, from);
  draft.set(cluster, 'workloadVipNetworkId', avi.data?.id ?? null, from);
  const cp = avi.workloadControlPlane;
  draft.set(cluster, 'controlPlaneVipNetworkId', cp && cp !== avi.data ? cp.id : null, from);
}

function network(draft: ImportDraft, name: string, r: FileReporter, tier1: ElementOf<'nsxtTier1'> | null): Network {
  let found: Network | undefined = draft.byName(['portGroup', 'nsxtSegment'], name);
  // An earlier file (without routable pods) made it a port group; this one shows it is the Tier-1's segment.
  if (found && tier1 && found.kind === 'portGroup' && draft.isNew(found)) found = draft.toSegment(found, tier1.id);
  if (found) {
    if (tier1 && found.kind === 'nsxtSegment' && found.props.tier1Id === null && draft.isNew(found)) {
      found.props.tier1Id = tier1.id;
      draft.clearUnknown(found, 'tier1Id');
    }
    return found;
  }
  // With routable pods the Tier-1 routes pod CIDRs to node addresses, so the nodes' network is a
  // segment attached to it (seed 001: tanzu-overlay on tanzu-cl1).
  if (tier1) return draft.add('nsxtSegment', name, { tier1Id: tier1.id }, { by: r, unknown: ['subnet', 'gateway', 'ranges'] });
  return draft.add('portGroup', name, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] });
}

function findController(draft: ImportDraft, host: string | undefined): ElementOf<'aviController'> | undefined {
  const controllers = draft.ofKind('aviController');
  if (host === undefined) return controllers.length === 1 ? controllers[0] : undefined;
  return controllers.find((c) => draft.linksOf(c.id).some((l) => l.kind === 'nic' && l.from === c.id && l.address === host));
}

function seGroupOf(draft: ImportDraft, controller: ElementOf<'aviController'>, name: string, r: FileReporter): ElementOf<'seGroup'> {
  return (
    draft.ofKind('seGroup').find((g) => g.name === name && g.props.controllerId === controller.id) ??
    draft.add('seGroup', name, { controllerId: controller.id }, { by: r, unknown: ['haMode', 'seCount'] })
  );
}

function labelsMatch(selector: Record<string, string> | null, labels: Record<string, string> | null): boolean {
  if (selector === null || Object.keys(selector).length === 0) return true;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function parseLabels(value: Value | undefined): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (isRecord(parsed)) return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    // AVI_LABELS as YAML flow text ("{'k': 'v'}") is not JSON: treat as no selector.
  }
  return null;
}

/** The canonical text of a CIDR; one with host bits set stays as written (the validator reports it). */
function canonicalCidr(text: string): string {
  const parsed = parseCidr(text);
  return isParseError(parsed) || parsed.hostBitsSet ? text : formatCidr(parsed);
}

function lastPathElement(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.at(-1) ?? path;
}

function scalar(value: unknown): Value {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
