/**
 * Design facts the catalogue's conditions read (ports.md §7.1): which systems, providers and
 * modes the design uses. Computed once per model.
 */
import type { L3Model } from '../l3/model.ts';

export interface DesignFacts {
  model: L3Model;
  /** NSX-ALB Controller versions present (`22.1.3`). */
  aviVersions: string[];
  hasAvi: boolean;
  hasSeGroups: boolean;
  /** Controllers with more than one node address (a 3-node cluster). */
  controllerCluster: boolean;
  hasTkg: boolean;
  /** TKG endpoint providers in use. */
  endpointProviders: Set<'nsx-alb' | 'kube-vip'>;
  /** AKO serving modes (AKO elements, and AKO Operator's NodePort default for TKG with NSX-ALB). */
  akoModes: Set<string>;
  cnis: Set<string>;
  /** Pods leave with pod addresses (NSX routable pods, antrea-nsx-routed, AKO routable). */
  routablePods: boolean;
  hasDhcpNodeNetwork: boolean;
  hasHaproxy: boolean;
  haproxyFrontend: boolean;
  hasSupervisor: boolean;
  supervisorOnNsx: boolean;
  hasNsxt: boolean;
  hasAci: boolean;
  aciVxlan: boolean;
  hasDnsVs: boolean;
  hasVirtualServices: boolean;
}

const cache = new WeakMap<L3Model, DesignFacts>();

export function designFacts(model: L3Model): DesignFacts {
  let facts = cache.get(model);
  if (!facts) cache.set(model, (facts = compute(model)));
  return facts;
}

function compute(model: L3Model): DesignFacts {
  const controllers = model.ofKind('aviController');
  const tkg = model.ofKind('tkgCluster');
  const akos = model.ofKind('ako');
  const endpointProviders = new Set(tkg.map((c) => c.props.endpoint.provider));
  const akoModes = new Set<string>(akos.map((a) => a.props.mode));
  // AKO Operator deploys AKO with serviceType NodePort for TKG clusters on NSX-ALB (K3 values.go).
  if (tkg.some((c) => c.props.controllerId !== null) && !akos.some((a) => tkg.some((c) => c.id === a.props.clusterId))) akoModes.add('nodeport');
  const cnis = new Set<string>();
  for (const c of tkg) cnis.add(c.props.cni);
  for (const c of model.ofKind('k8sCluster')) cnis.add(c.props.cni);
  for (const c of model.ofKind('tkc')) cnis.add(c.props.cni);
  const nodeNetworks = new Set(model.clusters.map((c) => c.nodeNetworkId).filter((id): id is string => id !== null));
  const haproxies = model.ofKind('haproxy');
  const supervisors = model.ofKind('supervisor');
  const controllerNodes = new Map<string, number>();
  for (const a of model.addresses) if (a.role === 'controller') controllerNodes.set(a.ownerId, (controllerNodes.get(a.ownerId) ?? 0) + 1);
  return {
    model,
    aviVersions: controllers.map((c) => c.props.version),
    hasAvi: controllers.length > 0,
    hasSeGroups: model.ofKind('seGroup').length > 0,
    controllerCluster: [...controllerNodes.values()].some((n) => n > 1),
    hasTkg: tkg.length > 0,
    endpointProviders,
    akoModes,
    cnis,
    routablePods:
      model.clusters.some((c) => c.routableTier1Id !== null) || cnis.has('antrea-nsx-routed') || akoModes.has('routable'),
    hasDhcpNodeNetwork: [...nodeNetworks].some((id) => model.networkById.get(id)?.dhcp === true),
    hasHaproxy: haproxies.length > 0,
    haproxyFrontend: haproxies.some((h) => h.props.topology === 'frontend'),
    hasSupervisor: supervisors.length > 0,
    supervisorOnNsx: supervisors.length > 0 && model.ofKind('nsxtTier1').length > 0,
    hasNsxt: model.ofKind('nsxtTier0').length + model.ofKind('nsxtTier1').length > 0,
    hasAci: model.ofKind('aciFabric').length > 0,
    // The fabric's VMM encapsulation is not modelled: acc-provision's VXLAN is assumed (condition text says so).
    aciVxlan: model.ofKind('aciFabric').length > 0,
    hasDnsVs: model.ofKind('aviDnsVs').length > 0,
    hasVirtualServices: model.ofKind('virtualService').length > 0,
  };
}

/** Compares dotted versions numerically (`20.1.3` < `22.1`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function inVersionWindow(version: string, window: { from?: string; until?: string }): boolean {
  if (window.from && compareVersions(version, window.from) < 0) return false;
  if (window.until && compareVersions(version, window.until) > 0) return false;
  return true;
}
