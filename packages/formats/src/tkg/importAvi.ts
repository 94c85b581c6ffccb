/**
 * NSX-ALB in TKG configs (formats.md §2.2-2.3): the management cluster's AVI_* variables give the
 * Controller, the SE groups and the VIP networks; the AKO operator hands them on to every workload
 * cluster whose labels match AVI_LABELS. The NAME/CIDR pairs fall back as ako_operator_secret.yaml does.
 */
import { isParseError, parseIp, type ElementOf } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { FileReporter } from '../import/report.ts';
import { canonicalCidr, network, type TkgNetwork } from './importNetworks.ts';
import { isRecord, type TkgValue, type TkgVariables } from './importVariables.ts';

type Cluster = ElementOf<'tkgCluster'>;

export interface AviSettings {
  controller: ElementOf<'aviController'>;
  seGroup: ElementOf<'seGroup'> | null;
  data: TkgNetwork | null;
  /** AVI_CONTROL_PLANE_NETWORK pair, else the management VIP pair, else data (formats.md §2.3). */
  workloadControlPlane: TkgNetwork | null;
}

/** A management cluster's NSX-ALB settings, applied to it; `null` without AVI_ENABLE. */
export function readManagementAvi(draft: ImportDraft, cluster: Cluster, v: TkgVariables, r: FileReporter): AviSettings | null {
  if (v.bool('AVI_ENABLE') !== true) {
    // AVI_ENABLE unusable: whether this cluster uses NSX-ALB is unknown, not "no".
    if (v.isBad('AVI_ENABLE')) draft.unusable(cluster, 'controllerId', { reporter: r, key: ['AVI_ENABLE'] });
    return null;
  }
  const at = (key: string) => ({ reporter: r, key: [key] });
  const host = v.str('AVI_CONTROLLER');
  const controller = controllerOf(draft, host, cluster, r);
  const cloudName = v.str('AVI_CLOUD_NAME');
  if (cloudName !== undefined) draft.set(controller, 'cloudName', cloudName, at('AVI_CLOUD_NAME'));
  else draft.markUnknown(controller, 'cloudName');
  if (host !== undefined && isParseError(parseIp(host))) draft.extra(cluster, 'AVI_CONTROLLER', host);

  const seName = v.str('AVI_SERVICE_ENGINE_GROUP');
  const seGroup = seName === undefined ? null : seGroupOf(draft, controller, seName, r);
  const mgmtSeName = v.str('AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP');
  const mgmtSe = mgmtSeName === undefined ? seGroup : seGroupOf(draft, controller, mgmtSeName, r);

  const data = vipPair(draft, v, r, 'AVI_DATA_NETWORK', 'AVI_DATA_NETWORK_CIDR');
  const mgmtVip = vipPair(draft, v, r, 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_CIDR');
  const mgmtCp = vipPair(
    draft,
    v,
    r,
    'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_NAME',
    'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_CIDR',
  );
  const workloadCp = vipPair(draft, v, r, 'AVI_CONTROL_PLANE_NETWORK', 'AVI_CONTROL_PLANE_NETWORK_CIDR');
  if (data === null)
    r.warning(
      'import/missing-value',
      'AVI_ENABLE is true but AVI_DATA_NETWORK / AVI_DATA_NETWORK_CIDR are not both set (the tanzu CLI requires them)',
      {
        key: ['AVI_ENABLE'],
        expected: 'AVI_DATA_NETWORK and AVI_DATA_NETWORK_CIDR',
      },
    );

  const managementData = mgmtVip ?? data;
  const managementCp = mgmtCp ?? managementData;
  draft.set(cluster, 'controllerId', controller.id, at('AVI_CONTROLLER'));
  draft.set(cluster, 'seGroupId', mgmtSe?.id ?? null, at('AVI_SERVICE_ENGINE_GROUP'));
  draft.set(cluster, 'workloadVipNetworkId', managementData?.id ?? null, at('AVI_DATA_NETWORK'));
  // `null` in the design means "the API VIP goes where the apps' VIPs go".
  draft.set(
    cluster,
    'controlPlaneVipNetworkId',
    managementCp && managementCp !== managementData ? managementCp.id : null,
    at('AVI_DATA_NETWORK'),
  );
  return { controller, seGroup, data, workloadControlPlane: workloadCp ?? mgmtVip ?? data };
}

/** What the AKO operator gives a workload cluster of that management cluster. */
export function applyWorkloadAvi(draft: ImportDraft, cluster: Cluster, avi: AviSettings, r: FileReporter): void {
  const from = { reporter: r, key: ['AVI_CONTROL_PLANE_HA_PROVIDER'] };
  draft.set(cluster, 'controllerId', avi.controller.id, from);
  draft.set(cluster, 'seGroupId', avi.seGroup?.id ?? null, from);
  draft.set(cluster, 'workloadVipNetworkId', avi.data?.id ?? null, from);
  const cp = avi.workloadControlPlane;
  draft.set(cluster, 'controlPlaneVipNetworkId', cp && cp !== avi.data ? cp.id : null, from);
}

/** AVI_LABELS selects the workload clusters that get AKO; empty = every cluster (formats.md §2.2). */
export function labelsMatch(selector: Record<string, string> | null, labels: Record<string, string> | null): boolean {
  if (selector === null || Object.keys(selector).length === 0) return true;
  return Object.entries(selector).every(([k, val]) => labels?.[k] === val);
}

export function parseLabels(value: TkgValue | undefined): Record<string, string> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (isRecord(parsed)) return Object.fromEntries(Object.entries(parsed).map(([k, val]) => [k, String(val)]));
  } catch {
    // AVI_LABELS as YAML flow text ("{'k': 'v'}") is not JSON: treat as no selector.
  }
  return null;
}

/** A NAME/CIDR pair: used only when both halves are set (formats.md §2.3). */
function vipPair(draft: ImportDraft, v: TkgVariables, r: FileReporter, nameKey: string, cidrKey: string): TkgNetwork | null {
  const name = v.str(nameKey);
  const cidr = v.cidr(cidrKey);
  // The network is named but its CIDR is unusable (reported at its key): the network, its subnet unknown.
  if (name !== undefined && cidr === undefined && v.isBad(cidrKey)) {
    const named = network(draft, name, r, null);
    draft.markUnknown(named, 'subnet');
    if (named.kind === 'portGroup') draft.set(named, 'albRegistered', true, { reporter: r, key: [nameKey] });
    return named;
  }
  if (name === undefined || cidr === undefined) {
    if ((name === undefined) !== (cidr === undefined)) {
      const [given, missing] = name === undefined ? [cidrKey, nameKey] : [nameKey, cidrKey];
      r.warning('import/incomplete-pair', `${given} is set without ${missing}: TKG ignores the pair`, { key: [given] });
    }
    return null;
  }
  const net = network(draft, name, r, null);
  const canonical = canonicalCidr(cidr);
  if (draft.isNew(net) || net.props.subnet === null) draft.set(net, 'subnet', canonical, { reporter: r, key: [cidrKey] });
  else if (net.props.subnet !== canonical)
    r.warning('import/conflict', `${cidrKey} ${cidr} differs from network ${net.name}'s subnet ${net.props.subnet}`, {
      key: [cidrKey],
      value: cidr,
      targets: [{ kind: net.kind, id: net.id }],
    });
  if (net.kind === 'portGroup') draft.set(net, 'albRegistered', true, { reporter: r, key: [nameKey] });
  return net;
}

/** The Controller at AVI_CONTROLLER: found by its management address, else created. */
function controllerOf(draft: ImportDraft, host: string | undefined, cluster: Cluster, r: FileReporter): ElementOf<'aviController'> {
  const controllers = draft.ofKind('aviController');
  const found =
    host === undefined
      ? controllers.length === 1
        ? controllers[0]
        : undefined
      : (controllers.find((c) => draft.linksOf(c.id).some((l) => l.kind === 'nic' && l.from === c.id && l.address === host)) ??
        draft.byName(['aviController'], `NSX-ALB Controller ${host}`));
  if (found) return found;
  const controller = draft.add(
    'aviController',
    host ? `NSX-ALB Controller ${host}` : 'NSX-ALB Controller',
    {},
    {
      by: r,
      unknown: ['version', 'vrfs', 'ipamProfile', 'dnsProfile'],
    },
  );
  if (cluster.props.vcenterId !== null) controller.props.vcenterId = cluster.props.vcenterId;
  if (host !== undefined && !isParseError(parseIp(host))) {
    // The Controller sits on a network the file does not name: one with every value unknown.
    const net = draft.add('portGroup', `Controller network (${host})`, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] });
    draft.nic(controller, net, { role: 'management', address: host, addressMode: 'static' });
  }
  return controller;
}

function seGroupOf(draft: ImportDraft, controller: ElementOf<'aviController'>, name: string, r: FileReporter): ElementOf<'seGroup'> {
  return (
    draft.ofKind('seGroup').find((g) => g.name === name && g.props.controllerId === controller.id) ??
    draft.add('seGroup', name, { controllerId: controller.id }, { by: r, unknown: ['haMode', 'seCount'] })
  );
}
