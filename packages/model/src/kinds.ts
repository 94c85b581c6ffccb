/** Human facts about each element kind: the system it belongs to and how to call it. */
import type { ElementKind } from './schema/document.ts';

export type SystemId = 'vsphere' | 'nsx-alb' | 'haproxy' | 'tkg' | 'tanzu' | 'nsxt' | 'aci' | 'physical' | 'kubernetes';

export const systems: Record<SystemId, string> = {
  vsphere: 'vSphere',
  'nsx-alb': 'NSX Advanced Load Balancer',
  haproxy: 'HAProxy',
  tkg: 'Tanzu Kubernetes Grid',
  tanzu: 'vSphere with Tanzu',
  nsxt: 'NSX-T',
  aci: 'Cisco ACI',
  physical: 'Physical network and clients',
  kubernetes: 'Kubernetes',
};

export const kindInfo: Record<ElementKind, { system: SystemId; label: string }> = {
  vcenter: { system: 'vsphere', label: 'vCenter' },
  portGroup: { system: 'vsphere', label: 'Port group' },
  router: { system: 'physical', label: 'L3 switch / router' },
  firewall: { system: 'physical', label: 'Firewall' },
  clientNetwork: { system: 'physical', label: 'Client network' },
  aviController: { system: 'nsx-alb', label: 'NSX-ALB Controller' },
  seGroup: { system: 'nsx-alb', label: 'SE group' },
  virtualService: { system: 'nsx-alb', label: 'Virtual service (VIP)' },
  aviDnsVs: { system: 'nsx-alb', label: 'DNS virtual service' },
  haproxy: { system: 'haproxy', label: 'HAProxy appliance' },
  tkgCluster: { system: 'tkg', label: 'TKG cluster' },
  k8sCluster: { system: 'kubernetes', label: 'Kubernetes cluster' },
  ako: { system: 'kubernetes', label: 'AKO' },
  supervisor: { system: 'tanzu', label: 'Supervisor' },
  workloadNetwork: { system: 'tanzu', label: 'Workload network' },
  vsphereNamespace: { system: 'tanzu', label: 'vSphere namespace' },
  tkc: { system: 'tanzu', label: 'TanzuKubernetesCluster' },
  nsxtTier0: { system: 'nsxt', label: 'Tier-0 gateway' },
  nsxtTier1: { system: 'nsxt', label: 'Tier-1 gateway' },
  nsxtSegment: { system: 'nsxt', label: 'Segment' },
  aciFabric: { system: 'aci', label: 'ACI fabric' },
  aciSwitch: { system: 'aci', label: 'ACI leaf / spine' },
};
