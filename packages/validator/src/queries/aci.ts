/**
 * Cisco ACI CNI questions (seed 004, acc-provision input), shared by the aci/* rules: the fabric's
 * CNI subnets and VLANs by acc-provision key, and the clusters that run on a fabric.
 */
import { formatIp4, formatIp6, type Element } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { cidr, type Cidr } from '../l3/addr.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;
export type AciFabricElement = Of<'aciFabric'>;
export type AciClusterElement = Of<'k8sCluster'>;

export const ACI_SUBNETS = [
  { field: 'nodeSubnet', key: 'node_subnet', label: 'node subnet' },
  { field: 'podSubnet', key: 'pod_subnet', label: 'pod subnet' },
  { field: 'externDynamic', key: 'extern_dynamic', label: 'extern_dynamic subnet' },
  { field: 'externStatic', key: 'extern_static', label: 'extern_static subnet' },
  { field: 'nodeServiceSubnet', key: 'node_svc_subnet', label: 'node service subnet' },
] as const;

export interface AciSubnet {
  field: (typeof ACI_SUBNETS)[number]['field'];
  /** acc-provision `net_config` key. */
  key: string;
  label: string;
  /** As written: gateway form, `10.1.0.1/16`. */
  text: string;
  /** The network it denotes (host bits of the gateway form cleared). */
  cidr: Cidr;
}

/** The fabric's CNI subnets that are set and parse; malformed ones are ipam/invalid-cidr's business. */
export function fabricSubnets(fabric: AciFabricElement): AciSubnet[] {
  const out: AciSubnet[] = [];
  for (const s of ACI_SUBNETS) {
    const text = fabric.props[s.field];
    const parsed = text === null ? null : cidr(text);
    if (text !== null && parsed) out.push({ field: s.field, key: s.key, label: s.label, text, cidr: parsed });
  }
  return out;
}

export const ACI_VLANS = [
  { field: 'kubeApiVlan', key: 'kubeapi_vlan', label: 'kube-api VLAN' },
  { field: 'serviceVlan', key: 'service_vlan', label: 'service VLAN' },
  { field: 'infraVlan', key: 'infra_vlan', label: 'infra VLAN' },
] as const;

/** Clusters using the ACI CNI: CNI `aci`, or attached to a fabric. */
export function aciClusters(model: L3Model): AciClusterElement[] {
  return model.ofKind('k8sCluster').filter((c) => c.props.cni === 'aci' || c.props.aciFabricId !== null);
}

/** Canonical network text of a subnet given in gateway form: `10.1.0.1/16` -> `10.1.0.0/16`. */
export function networkText(c: Cidr): string {
  return `${c.family === 4 ? formatIp4(c.first as number) : formatIp6(c.first as bigint)}/${c.prefix}`;
}
