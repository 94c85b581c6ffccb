/**
 * Which NSX-ALB networks a TKG management cluster's config must name, following the fallback
 * order of the AKO operator secret (formats.md §2.3, `ako_operator_secret.yaml`): a NAME/CIDR pair
 * is used only when both are set, otherwise the next level applies —
 *
 *   workload control-plane VIP   AVI_CONTROL_PLANE_NETWORK -> AVI_MANAGEMENT_CLUSTER_VIP_NETWORK -> AVI_DATA_NETWORK
 *   management data VIP          AVI_MANAGEMENT_CLUSTER_VIP_NETWORK -> AVI_DATA_NETWORK
 *   management control-plane VIP AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK -> management VIP pair -> data pair
 *   management SE group          AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP -> AVI_SERVICE_ENGINE_GROUP
 *
 * The plan writes a level only when the fallback would land on a different network than the design
 * asks for, so the file stays as short as the seed's and still means exactly the design.
 *
 * In the document a cluster's `controlPlaneVipNetworkId: null` means "the API VIP goes where the
 * apps' VIPs go" (as lower() reads it), not "whatever the fallback gives": the plan resolves it to
 * the cluster's own data network before comparing.
 */
import type { ElementOf } from '@viplane/model';
import type { ConfigContext } from '../configs.ts';

type Cluster = ElementOf<'tkgCluster'>;

export interface AviNetwork {
  networkId: string;
  /** Port-group / segment name = the Avi network name. */
  name: string;
  /** Network CIDR (host bits cleared), `null` when the network has no valid subnet. */
  cidr: string | null;
}

export interface WorkloadAviSettings {
  cluster: Cluster;
  data: AviNetwork | null;
  controlPlane: AviNetwork | null;
  seGroup: string | null;
}

export interface TkgAviPlan {
  management: Cluster;
  controller: ElementOf<'aviController'>;
  /** The Controller's address on its management interface (AVI_CONTROLLER). */
  controllerHost: string | null;
  cloudName: string;
  /** AVI_SERVICE_ENGINE_GROUP: the workload clusters' SE group. */
  seGroup: string | null;
  /** Effective management SE group (after fallback). */
  managementSeGroup: string | null;
  /** AVI_DATA_NETWORK: the workload clusters' data (LoadBalancer) VIP network. */
  data: AviNetwork | null;
  /** Effective networks after fallback, as the AKO operator will use them. */
  workloadControlPlane: AviNetwork | null;
  managementData: AviNetwork | null;
  managementControlPlane: AviNetwork | null;
  /** The AVI_* network/SE-group variables for the management-cluster config (other AVI_* keys are fixed). */
  variables: Record<string, string>;
  /** Workload clusters managed by this management cluster that use NSX-ALB, with their own wishes. */
  workloads: WorkloadAviSettings[];
}

export function aviNetwork(ctx: ConfigContext, id: string | null): AviNetwork | null {
  const net = ctx.network(id);
  if (!net) return null;
  const parsed = ctx.kit.cidr(net.subnetText);
  return { networkId: net.id, name: net.name, cidr: parsed ? ctx.kit.canonicalCidr(parsed) : null };
}

export function sameNetwork(a: AviNetwork | null, b: AviNetwork | null): boolean {
  return (a?.networkId ?? null) === (b?.networkId ?? null);
}

/** The Controller's management address (its `management` nic, else its first addressed nic). */
export function controllerHost(ctx: ConfigContext, controller: ElementOf<'aviController'>): string | null {
  const nics = ctx.nics(controller.id).filter((l) => l.address !== null);
  return (nics.find((l) => l.role === 'management') ?? nics[0])?.address ?? null;
}

function seGroupName(ctx: ConfigContext, id: string | null): string | null {
  return ctx.el(id, 'seGroup')?.name ?? null;
}

/** A cluster's own wishes: data VIP network, API VIP network (null = same as data), SE group. */
export function clusterAviSettings(ctx: ConfigContext, cluster: Cluster): WorkloadAviSettings {
  const data = aviNetwork(ctx, cluster.props.workloadVipNetworkId);
  const controlPlane = cluster.props.controlPlaneVipNetworkId === null ? data : aviNetwork(ctx, cluster.props.controlPlaneVipNetworkId);
  return { cluster, data, controlPlane, seGroup: seGroupName(ctx, cluster.props.seGroupId) };
}

/**
 * The plan for one management cluster, or `null` when it does not use NSX-ALB. The workload
 * defaults (install-ako-for-all) follow the first workload cluster; a cluster that wants something
 * else gets its own AKODeploymentConfig (ako/ module).
 */
export function tkgAviPlan(ctx: ConfigContext, management: Cluster): TkgAviPlan | null {
  const controller = ctx.el(management.props.controllerId, 'aviController');
  if (!controller) return null;
  const workloads = ctx
    .ofKind('tkgCluster')
    .filter((c) => c.props.role === 'workload' && c.props.managementClusterId === management.id && c.props.controllerId !== null)
    .map((c) => clusterAviSettings(ctx, c));
  const own = clusterAviSettings(ctx, management);
  const first = workloads[0] ?? own;

  const variables: Record<string, string> = {};
  const put = (nameKey: string, cidrKey: string, net: AviNetwork | null) => {
    if (!net) return;
    variables[nameKey] = net.name;
    if (net.cidr !== null) variables[cidrKey] = net.cidr;
  };

  const data = first.data ?? own.data;
  put('AVI_DATA_NETWORK', 'AVI_DATA_NETWORK_CIDR', data);

  const mgmtVipPair = own.data && !sameNetwork(own.data, data) ? own.data : null;
  put('AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_VIP_NETWORK_CIDR', mgmtVipPair);
  const managementData = mgmtVipPair ?? data;

  const workloadCpFallback = mgmtVipPair ?? data;
  const wantedWorkloadCp = first.controlPlane;
  const workloadCpPair = wantedWorkloadCp && !sameNetwork(wantedWorkloadCp, workloadCpFallback) ? wantedWorkloadCp : null;
  put('AVI_CONTROL_PLANE_NETWORK', 'AVI_CONTROL_PLANE_NETWORK_CIDR', workloadCpPair);
  const workloadControlPlane = workloadCpPair ?? workloadCpFallback;

  const mgmtCpPair = own.controlPlane && !sameNetwork(own.controlPlane, managementData) ? own.controlPlane : null;
  put('AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_NAME', 'AVI_MANAGEMENT_CLUSTER_CONTROL_PLANE_VIP_NETWORK_CIDR', mgmtCpPair);
  const managementControlPlane = mgmtCpPair ?? managementData;

  const seGroup = first.seGroup ?? own.seGroup;
  if (seGroup !== null) variables['AVI_SERVICE_ENGINE_GROUP'] = seGroup;
  if (own.seGroup !== null && own.seGroup !== seGroup) variables['AVI_MANAGEMENT_CLUSTER_SERVICE_ENGINE_GROUP'] = own.seGroup;

  return {
    management,
    controller,
    controllerHost: controllerHost(ctx, controller),
    cloudName: controller.props.cloudName,
    seGroup,
    managementSeGroup: own.seGroup ?? seGroup,
    data,
    workloadControlPlane,
    managementData,
    managementControlPlane,
    variables,
    workloads,
  };
}
