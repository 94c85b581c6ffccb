/** Conditions shared by the catalogue modules, each with the words ports.md uses for it. */
import type { DesignFacts } from '../facts.ts';
import type { FlowCondition } from './types.ts';

export function when(text: string, holds: (f: DesignFacts) => boolean): FlowCondition {
  return { text, holds };
}

export const ALB_ENDPOINT = when('AVI_CONTROL_PLANE_HA_PROVIDER (NSX-ALB serves the control-plane endpoint)', (f) => f.endpointProviders.has('nsx-alb'));
export const KUBE_VIP = when('kube-vip control-plane endpoint (AVI_CONTROL_PLANE_HA_PROVIDER false)', (f) => f.endpointProviders.has('kube-vip'));
export const NODEPORT = when('AKO serviceType NodePort (AKO Operator default)', (f) => f.akoModes.has('nodeport'));
export const NODEPORTLOCAL = when('AKO serviceType NodePortLocal', (f) => f.akoModes.has('nodeportlocal'));
export const CLUSTERIP = when('AKO ClusterIP mode (static routes) or routable pods', (f) => f.akoModes.has('static-route') || f.routablePods);
export const ANTREA = when('CNI Antrea (encap Geneve, TKG default)', (f) => f.cnis.has('antrea'));
export const CALICO = when('CNI: calico', (f) => f.cnis.has('calico'));
export const ROUTABLE_PODS = when('routable pods (NSXT_POD_ROUTING_ENABLED / antrea-nsx-routed, NAT off)', (f) => f.routablePods);
export const DHCP_NODES = when('node network addressed by DHCP', (f) => f.hasDhcpNodeNetwork);
export const CONTROLLER_CLUSTER = when('3-node Controller cluster', (f) => f.controllerCluster);
export const DNS_VS = when('DNS virtual service configured', (f) => f.hasDnsVs);
export const HAPROXY_FRONTEND = when('HAProxy Frontend topology (3 NICs)', (f) => f.haproxyFrontend);
export const NSX_SUPERVISOR = when('vSphere with Tanzu on NSX', (f) => f.supervisorOnNsx);
export const ACI_VXLAN = when('vmm_domain.encap_type: vxlan (the fabric encapsulation is not modelled; VXLAN assumed)', (f) => f.aciVxlan);
