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
 *
 *   importVariables.ts  the file as typed variables     importAvi.ts       NSX-ALB and the AKO operator
 *   importNetworks.ts   networks by name                  this file          the cluster, vSphere, NSX-T
 */
import { isParseError, parseCidr, parseIp, type ElementOf } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { ImportedFile } from '../import/formats.ts';
import { shown, type FileReporter } from '../import/report.ts';
import { applyWorkloadAvi, labelsMatch, parseLabels, readManagementAvi, type AviSettings } from './importAvi.ts';
import { lastPathElement, network } from './importNetworks.ts';
import { isRecord, TkgVariables } from './importVariables.ts';

export { looksLikeTkg } from './importVariables.ts';

type Cluster = ElementOf<'tkgCluster'>;
type Role = 'management' | 'workload';

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
const DEFAULT_CIDRS = {
  4: { pod: '100.96.0.0/11', service: '100.64.0.0/13' },
  6: { pod: 'fd00:100:96::/48', service: 'fd00:100:64::/108' },
};
const ROUTER_PATH = /^\/infra\/tier-1s\/([A-Za-z0-9][A-Za-z0-9_.:-]{0,127})$/;
/** Keys whose presence says "management cluster": AKO and identity settings live there only. */
const MANAGEMENT_ONLY =
  /^(AVI_ENABLE|AVI_CONTROLLER|AVI_CLOUD_NAME|AVI_CA_DATA_B64|AVI_MANAGEMENT_CLUSTER_|IDENTITY_MANAGEMENT_TYPE|LDAP_|OIDC_)/;

interface ReadCluster {
  file: ImportedFile;
  cluster: Cluster;
  avi: AviSettings | null;
  labels: Record<string, string> | null;
}

/** Reads every TKG file into the draft, then links workload clusters to the management cluster. */
export function importTkg(draft: ImportDraft, files: readonly ImportedFile[]): void {
  const read: ReadCluster[] = [];
  for (const file of files) {
    const cluster = readFile(draft, file);
    if (cluster) read.push(cluster);
  }
  linkToManagement(draft, read);
  // NSX-ALB through the AKO operator: the management cluster's AVI_* settings reach every workload
  // cluster whose labels match AVI_LABELS (empty = all clusters, formats.md §2.2).
  for (const m of read) {
    if (m.cluster.props.role !== 'management' || !m.avi) continue;
    for (const w of read)
      if (w.cluster.props.role === 'workload' && w.cluster.props.managementClusterId === m.cluster.id && labelsMatch(m.labels, w.labels))
        applyWorkloadAvi(draft, w.cluster, m.avi, w.file.reporter);
  }
}

/** Workload clusters belong to the management cluster in these files, else to the design's only one. */
function linkToManagement(draft: ImportDraft, read: readonly ReadCluster[]): void {
  const managements = draft.ofKind('tkgCluster').filter((c) => c.props.role === 'management');
  for (const { file, cluster } of read) {
    if (cluster.props.role !== 'workload' || cluster.props.managementClusterId !== null) continue;
    if (managements.length === 1) {
      cluster.props.managementClusterId = managements[0]!.id;
      draft.clearUnknown(cluster, 'managementClusterId');
      continue;
    }
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

function readFile(draft: ImportDraft, file: ImportedFile): ReadCluster | null {
  const r = file.reporter;
  const raw = file.documents[0]?.value;
  if (!isRecord(raw)) {
    r.error('import/not-a-mapping', 'a TKG cluster config is a mapping of KEY: value', { value: raw, expected: 'KEY: value lines' });
    return null;
  }
  const v = new TkgVariables(raw, r);
  const role = clusterRole(file, v);
  const cluster = readBasics(draft, file, v, role);
  readAddressing(draft, cluster, v, r);
  readVsphere(draft, cluster, v, r);
  const tier1 = readRoutablePods(draft, cluster, v, r);
  readNodeNetwork(draft, cluster, v, r, tier1);
  readEndpoint(draft, cluster, v, r);
  const avi = role === 'management' ? readManagementAvi(draft, cluster, v, r) : null;
  // Every other variable is kept as written so the export gives it back.
  for (const [key, value] of v.entries()) if (!MODELLED.has(key) && !(key in (cluster.extras ?? {}))) draft.extra(cluster, key, value);
  return { file, cluster, avi, labels: parseLabels(v.get('AVI_LABELS')) };
}

/** Our own export's header says it; else a management-only variable; else the file name. */
function clusterRole(file: ImportedFile, v: TkgVariables): Role {
  const header = /^#\s*TKG (management|workload) cluster/m.exec(file.text)?.[1];
  if (header === 'management' || header === 'workload') return header;
  const managementKey = v.keys().find((k) => MANAGEMENT_ONLY.test(k));
  const byName = /(^|[-_.])(mgmt|management)([-_.]|$)/i.test(file.stem);
  const role: Role = managementKey !== undefined || byName ? 'management' : 'workload';
  file.reporter.info(
    'import/cluster-role',
    managementKey !== undefined
      ? `read as a management-cluster config (it sets ${managementKey})`
      : byName
        ? `read as a management-cluster config (file name ${file.stem})`
        : 'read as a workload-cluster config (no management-only variable such as AVI_CONTROLLER)',
    { key: managementKey !== undefined ? [managementKey] : [], data: { role } },
  );
  return role;
}

/** Name, role, plan, machine counts, CNI. */
function readBasics(draft: ImportDraft, file: ImportedFile, v: TkgVariables, role: Role): Cluster {
  const r = file.reporter;
  const at = (key: string) => ({ reporter: r, key: [key] });
  let name = v.str('CLUSTER_NAME');
  if (name === undefined) {
    name = file.stem;
    r.warning('import/missing-value', `CLUSTER_NAME is not set; the cluster is named after the file: ${name}`, {
      key: ['CLUSTER_NAME'],
      expected: 'the cluster name',
    });
  }
  const provider = v.str('INFRASTRUCTURE_PROVIDER');
  if (provider !== undefined && provider !== 'vsphere')
    v.bad('INFRASTRUCTURE_PROVIDER', `INFRASTRUCTURE_PROVIDER is ${shown(provider)}; Viplane designs TKG on vSphere`, provider, 'vsphere');

  const planText = v.str('CLUSTER_PLAN');
  let plan: 'dev' | 'prod' = 'dev';
  if (planText === 'dev' || planText === 'prod') plan = planText;
  else if (planText !== undefined)
    v.bad('CLUSTER_PLAN', `CLUSTER_PLAN is ${shown(planText)}; expected dev or prod`, planText, 'dev or prod');
  else r.info('import/default-applied', 'CLUSTER_PLAN is not set; TKG uses dev', { data: { key: 'CLUSTER_PLAN', default: 'dev' } });

  const existing = draft.byName(['tkgCluster'], name);
  const cluster = existing ?? draft.add('tkgCluster', name, { role, endpoint: { provider: 'kube-vip', address: null } }, { by: r });
  if (existing) draft.set(cluster, 'role', role, at('CLUSTER_PLAN'));
  if (v.isBad('CLUSTER_PLAN')) draft.unusable(cluster, 'plan', at('CLUSTER_PLAN'));
  else draft.set(cluster, 'plan', plan, at('CLUSTER_PLAN'));

  // A count the file gets wrong is unknown; so is the plan's count when the plan itself is unusable.
  const cp = v.count('CONTROL_PLANE_MACHINE_COUNT');
  const workers = v.count('WORKER_MACHINE_COUNT');
  const counts = [
    ['CONTROL_PLANE_MACHINE_COUNT', 'controlPlaneCount', cp, PLAN_COUNTS[plan].controlPlane],
    ['WORKER_MACHINE_COUNT', 'workerCount', workers, PLAN_COUNTS[plan].workers],
  ] as const;
  for (const [key, prop, given, planned] of counts) {
    if (given !== undefined) draft.set(cluster, prop, given, at(key));
    else if (v.isBad(key) || v.isBad('CLUSTER_PLAN')) draft.unusable(cluster, prop, at(v.isBad(key) ? key : 'CLUSTER_PLAN'));
    else draft.set(cluster, prop, planned, at(key));
  }
  const defaulted = counts.filter(([key, , given]) => given === undefined && !v.isBad(key)).map(([key]) => key);
  if (defaulted.length > 0 && !v.isBad('CLUSTER_PLAN')) {
    const missing = defaulted;
    r.info(
      'import/default-applied',
      `${missing.join(' and ')} not set: the ${plan} plan's counts apply (control plane ${PLAN_COUNTS[plan].controlPlane}, workers ${PLAN_COUNTS[plan].workers})`,
      { targets: [{ kind: 'tkgCluster', id: cluster.id }] },
    );
  }

  const cni = v.str('CNI');
  if (cni === undefined || cni === 'antrea' || cni === 'calico') draft.set(cluster, 'cni', cni ?? 'antrea', at('CNI'));
  else if (cni === 'none') {
    draft.set(cluster, 'cni', 'other', at('CNI'));
    draft.extra(cluster, 'CNI', 'none');
  } else {
    v.bad('CNI', `CNI is ${shown(cni)}; expected antrea, calico or none`, cni, 'antrea, calico or none');
    draft.unusable(cluster, 'cni', at('CNI'));
  }
  return cluster;
}

/** CLUSTER_CIDR / SERVICE_CIDR, defaulted by TKG_IP_FAMILY as the tanzu CLI does. */
function readAddressing(draft: ImportDraft, cluster: Cluster, v: TkgVariables, r: FileReporter): void {
  const familyText = v.str('TKG_IP_FAMILY') ?? 'ipv4';
  const family = familyText.startsWith('ipv6') ? 6 : 4;
  if (!['ipv4', 'ipv6', 'ipv4,ipv6', 'ipv6,ipv4'].includes(familyText))
    v.bad('TKG_IP_FAMILY', `TKG_IP_FAMILY is ${shown(familyText)}`, familyText, 'ipv4, ipv6, ipv4,ipv6 or ipv6,ipv4');
  for (const [key, prop, fallback] of [
    ['CLUSTER_CIDR', 'podCidr', DEFAULT_CIDRS[family].pod],
    ['SERVICE_CIDR', 'serviceCidr', DEFAULT_CIDRS[family].service],
  ] as const) {
    const whole = v.str(key);
    const first = whole?.split(',')[0]?.trim();
    if (whole !== undefined && whole.includes(',')) {
      r.warning('import/dual-stack', `${key} ${whole}: the design models the first family only (${first}); the whole value is kept`, {
        key: [key],
        value: whole,
      });
      draft.extra(cluster, key, whole);
    }
    const at = { reporter: r, key: [key] };
    if (first !== undefined && !isParseError(parseCidr(first))) draft.set(cluster, prop, first, at);
    else if (first !== undefined) {
      // The evidence stays: an error at the key, and the field unknown — never the default, which would
      // be judged as if the file had said it (a false overlap).
      v.bad(key, `${key} is ${shown(whole)}; expected a CIDR such as ${fallback}`, whole, 'a CIDR (address/prefix)');
      draft.unusable(cluster, prop, at, '');
    } else if (v.isBad('TKG_IP_FAMILY')) draft.unusable(cluster, prop, { reporter: r, key: ['TKG_IP_FAMILY'] }, '');
    else {
      draft.set(cluster, prop, fallback, { reporter: r, key: [key] });
      r.info('import/default-applied', `${key} is not set; the tanzu CLI fills in ${fallback}`, { data: { key, default: fallback } });
    }
  }
}

/** The vCenter, matched across files by VSPHERE_SERVER. */
function readVsphere(draft: ImportDraft, cluster: Cluster, v: TkgVariables, r: FileReporter): void {
  const server = v.str('VSPHERE_SERVER');
  if (server === undefined) {
    draft.markUnknown(cluster, 'vcenterId');
    return;
  }
  const vc =
    draft.ofKind('vcenter').find((e) => e.props.server === server) ??
    draft.add('vcenter', `vCenter ${server}`, { server }, { by: r, unknown: ['distributedSwitch'] });
  for (const [key, prop] of [
    ['VSPHERE_DATACENTER', 'datacenter'],
    ['VSPHERE_DATASTORE', 'datastore'],
    ['VSPHERE_FOLDER', 'folder'],
    ['VSPHERE_RESOURCE_POOL', 'resourcePool'],
  ] as const) {
    const value = v.str(key);
    if (value !== undefined) draft.set(vc, prop, value, { reporter: r, key: [key] });
    else draft.markUnknown(vc, prop);
  }
  draft.set(cluster, 'vcenterId', vc.id, { reporter: r, key: ['VSPHERE_SERVER'] });
}

/** NSX-T routable pods: the Tier-1 of NSXT_ROUTER_PATH (the node network is then a segment on it). */
function readRoutablePods(draft: ImportDraft, cluster: Cluster, v: TkgVariables, r: FileReporter): ElementOf<'nsxtTier1'> | null {
  const at = { reporter: r, key: ['NSXT_POD_ROUTING_ENABLED'] };
  if (v.bool('NSXT_POD_ROUTING_ENABLED') !== true) {
    if (v.isBad('NSXT_POD_ROUTING_ENABLED')) draft.unusable(cluster, 'routablePods', at);
    else if (v.has('NSXT_POD_ROUTING_ENABLED')) draft.set(cluster, 'routablePods', null, at);
    return null;
  }
  const path = v.str('NSXT_ROUTER_PATH');
  const id = path === undefined ? undefined : ROUTER_PATH.exec(path)?.[1];
  if (path !== undefined && id === undefined)
    v.bad(
      'NSXT_ROUTER_PATH',
      `NSXT_ROUTER_PATH is ${shown(path)}; expected a Tier-1 policy path /infra/tier-1s/<id>`,
      path,
      '/infra/tier-1s/<tier-1 id>',
    );
  let tier1: ElementOf<'nsxtTier1'> | null = null;
  if (id !== undefined) {
    const byId = draft.byId(id);
    tier1 =
      (byId?.kind === 'nsxtTier1' ? (byId as ElementOf<'nsxtTier1'>) : undefined) ??
      draft.byName(['nsxtTier1'], id) ??
      // The CPI adds the per-node routes at run time: an empty route list is what the file implies.
      draft.add('nsxtTier1', id, { staticRoutes: [], routeAdvertisement: [] }, { id, by: r, unknown: ['tier0Id', 'routeAdvertisement'] });
  } else draft.markUnknown(cluster, 'routablePods.tier1Id');
  draft.set(cluster, 'routablePods', { tier1Id: tier1?.id ?? null }, at);
  const manager = v.str('NSXT_MANAGER_HOST');
  if (manager !== undefined) draft.extra(cluster, 'NSXT_MANAGER_HOST', manager);
  return tier1;
}

/** VSPHERE_NETWORK: the nodes' port group (by name), where they take DHCP addresses. */
function readNodeNetwork(
  draft: ImportDraft,
  cluster: Cluster,
  v: TkgVariables,
  r: FileReporter,
  tier1: ElementOf<'nsxtTier1'> | null,
): void {
  const at = { reporter: r, key: ['VSPHERE_NETWORK'] };
  const path = v.str('VSPHERE_NETWORK');
  if (path === undefined) {
    r.info('import/default-applied', 'VSPHERE_NETWORK is not set; TKG uses the port group "VM Network"', {
      data: { key: 'VSPHERE_NETWORK' },
    });
    draft.set(cluster, 'nodeNetworkId', network(draft, 'VM Network', r, tier1).id, at);
    return;
  }
  const name = lastPathElement(path);
  const net = network(draft, name, r, tier1);
  draft.set(cluster, 'nodeNetworkId', net.id, at);
  // TKG nodes take their addresses by DHCP (formats.md §2.2 VSPHERE_NETWORK).
  if (draft.isNew(net)) draft.set(net, 'dhcp', true, at);
  if (path !== name) draft.extra(cluster, 'VSPHERE_NETWORK', path);
}

/** Control-plane endpoint: NSX-ALB allocates one (AVI_CONTROL_PLANE_HA_PROVIDER), kube-vip needs a fixed address. */
function readEndpoint(draft: ImportDraft, cluster: Cluster, v: TkgVariables, r: FileReporter): void {
  const albHa = v.bool('AVI_CONTROL_PLANE_HA_PROVIDER') ?? false;
  const endpoint = v.str('VSPHERE_CONTROL_PLANE_ENDPOINT');
  const address = endpoint !== undefined && !isParseError(parseIp(endpoint)) ? endpoint : null;
  draft.set(
    cluster,
    'endpoint',
    { provider: albHa ? 'nsx-alb' : 'kube-vip', address },
    { reporter: r, key: ['VSPHERE_CONTROL_PLANE_ENDPOINT'] },
  );
  if (v.isBad('AVI_CONTROL_PLANE_HA_PROVIDER'))
    draft.unusable(cluster, 'endpoint.provider', { reporter: r, key: ['AVI_CONTROL_PLANE_HA_PROVIDER'] });
  if (endpoint !== undefined && address === null) {
    // An FQDN: the design holds addresses; keep the name so the export writes it back.
    draft.extra(cluster, 'VSPHERE_CONTROL_PLANE_ENDPOINT', endpoint);
    draft.markUnknown(cluster, 'endpoint.address');
    r.info('import/fqdn', `VSPHERE_CONTROL_PLANE_ENDPOINT ${endpoint} is a name; the address it resolves to is unknown`, {
      key: ['VSPHERE_CONTROL_PLANE_ENDPOINT'],
      value: endpoint,
    });
  }
}
