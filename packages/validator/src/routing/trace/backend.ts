/**
 * How a load balancer reaches the backend of a VIP, as the design's settings say:
 * - AKO `mode` (values.yaml `L7Settings.serviceType` and static-route sync, seed 003): NodePort
 *   (pool members are node:NodePort), NodePortLocal (node:NPL port, Antrea), static-route
 *   (ClusterIP: pod IPs, reached by `podCIDR via node` routes on the SE), routable (pod IPs routed
 *   by the CNI, e.g. NSX-T routable pods).
 * - No AKO element: TKG's AKO Operator installs AKO with `serviceType: NodePort` and
 *   `disableStaticRouteSync: true` (ports.md K3), so NodePort.
 * - HAProxy (vSphere with Tanzu): the Supervisor's VirtualMachineService targets the NodePort (ports.md K8).
 * - Control-plane endpoints: the control-plane nodes' API server on 6443 (ports.md K3); kube-vip:
 *   the control-plane node holding the address answers itself.
 */
import type { L3Cluster, L3Model } from '../../l3/model.ts';
import type { Ip } from '../../l3/addr.ts';
import { representativeAddress } from '../endpoints.ts';
import { hostAddressIn, lbIndex } from '../../queries/routing.ts';
import { elementName } from './describe.ts';
import type { BackendMode } from './types.ts';
import { API_SERVER_PORT, type VipService } from './vip.ts';

/** Kubernetes' default NodePort range (kube-apiserver `--service-node-port-range`). */
export const NODEPORT_RANGE = '30000-32767';
/** Antrea NodePortLocal's default port range (ports.md K2). */
export const NODEPORTLOCAL_RANGE = '61000-62000';

export interface Backend {
  mode: BackendMode;
  cluster: L3Cluster | null;
  /** The cluster's name, or the workload network's for an HAProxy without a known cluster. */
  name: string;
  nodeNetworkId: string | null;
  /** The address the load balancer sends to (a node or a pod); `null` when the design gives none. */
  target: Ip | null;
  /** What that address stands for, in plain words. */
  targetText: string;
  /** Destination port on the backend. */
  port: string;
  /** The element whose settings chose the mode (AKO), when there is one. */
  settingsId: string | null;
}

const NODE_RANGES: ReadonlySet<string> = new Set(['dhcp', 'node', 'workload']);

export function backendOf(model: L3Model, vip: VipService): Backend | null {
  if (vip.kind === 'dns-vs') return null;
  const cluster = vip.backendClusterId === null ? null : (lbIndex(model).clusterById.get(vip.backendClusterId) ?? null);
  if (vip.kind === 'kube-vip' || vip.kind === 'control-plane') {
    const node = nodeAddress(model, cluster, cluster?.nodeNetworkId ?? null, 'control-plane');
    return {
      mode: vip.kind,
      cluster,
      name: cluster?.name ?? '?',
      nodeNetworkId: cluster?.nodeNetworkId ?? null,
      target: vip.kind === 'kube-vip' ? vip.address : node.address,
      targetText: vip.kind === 'kube-vip' ? `the control-plane node of ${cluster?.name ?? '?'} that holds ${vip.address.text}` : node.text,
      port: String(API_SERVER_PORT),
      settingsId: null,
    };
  }
  const lb = vip.lbId === null ? undefined : model.hostById.get(vip.lbId);
  if (!cluster) {
    if (lb?.kind !== 'haproxy' || vip.backendNetworkId === null) return null;
    const node = nodeAddress(model, null, vip.backendNetworkId, 'worker');
    return {
      mode: 'nodeport',
      cluster: null,
      name: elementName(model, vip.backendNetworkId),
      nodeNetworkId: vip.backendNetworkId,
      target: node.address,
      targetText: node.text,
      port: NODEPORT_RANGE,
      settingsId: null,
    };
  }
  const ako =
    lb?.kind === 'seGroup'
      ? (model.ofKind('ako').find((a) => a.props.clusterId === cluster.id && a.props.seGroupId === lb.id) ??
        model.ofKind('ako').find((a) => a.props.clusterId === cluster.id))
      : undefined;
  const mode: BackendMode = ako ? ako.props.mode : 'nodeport';
  const nodeNetworkId = ako?.props.nodeNetworkId ?? cluster.nodeNetworkId;
  const base = { mode, cluster, name: cluster.name, nodeNetworkId, settingsId: ako?.id ?? null };
  if (mode === 'static-route' || mode === 'routable') {
    const pod = cluster.podCidrs.find((p) => p.cidr !== null);
    const address = pod?.cidr ? hostAddressIn(pod.cidr) : null;
    return {
      ...base,
      target: address,
      targetText: pod ? `a pod of ${cluster.name} (${address?.text} in ${pod.text})` : `a pod of ${cluster.name} (no pod CIDR)`,
      port: vip.port === null ? 'the Service target port' : `${vip.port} (the Service target port)`,
    };
  }
  const node = nodeAddress(model, cluster, nodeNetworkId, 'worker');
  return { ...base, target: node.address, targetText: node.text, port: mode === 'nodeportlocal' ? NODEPORTLOCAL_RANGE : NODEPORT_RANGE };
}

/**
 * A node address to trace to: a statically addressed node (preferring the wanted role), else the
 * first address of the node network's DHCP scope / node / workload range, else the network's
 * representative address. The text says which, since TKG nodes take DHCP addresses the design does not know.
 */
export function nodeAddress(
  model: L3Model,
  cluster: L3Cluster | null,
  networkId: string | null,
  role: 'worker' | 'control-plane',
): { address: Ip | null; text: string } {
  const who = cluster
    ? `a ${role === 'worker' ? 'node' : 'control-plane node'} of ${cluster.name}`
    : `a node on ${elementName(model, networkId)}`;
  const el = cluster ? model.elements.get(cluster.id) : undefined;
  if (el?.kind === 'k8sCluster') {
    const held = model.addresses.filter((a) => a.ownerId === el.id && a.role === 'node' && a.ip);
    const roleOf = new Map(el.props.nodes.map((n) => [n.id, n.role]));
    const pick = held.find((a) => a.itemId !== undefined && roleOf.get(a.itemId) === role) ?? held[0];
    if (pick?.ip) return { address: pick.ip, text: `${who} (${pick.ip.text})` };
  }
  if (networkId === null) return { address: null, text: `${who} (no node network)` };
  const range = model.ranges.find((r) => r.networkId === networkId && NODE_RANGES.has(r.purpose) && r.start && r.end);
  const network = elementName(model, networkId);
  if (range?.start && range.end)
    return {
      address: range.start,
      text: `${who} (${range.purpose === 'dhcp' ? 'DHCP' : range.purpose} ${range.start.text}-${range.end.text} on ${network})`,
    };
  const rep = representativeAddress(model, networkId);
  return { address: rep?.address ?? null, text: `${who} (on ${network})` };
}
