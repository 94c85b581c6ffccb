/**
 * Every pod and service CIDR the design gives a cluster, with its owner and routing domain: TKG and
 * Kubernetes clusters and TKCs (lower()'s clusters) and the Supervisor's service CIDR. Shared by the k8s/*
 * rules; built once per model.
 */
import type { ElementKind } from '@viplane/model';
import type { L3Model } from '../l3/model.ts';
import { cidr, type Cidr } from '../l3/addr.ts';
import { DEFAULT_DOMAIN, domainOf } from './ipam.ts';

export interface ClusterCidr {
  ownerId: string;
  ownerKind: ElementKind;
  ownerName: string;
  kind: 'pod' | 'service';
  text: string;
  cidr: Cidr;
  /** The routing domain of the cluster's node network (`default` when unknown). */
  domain: string;
}

const cache = new WeakMap<L3Model, ClusterCidr[]>();

export function clusterCidrs(model: L3Model): readonly ClusterCidr[] {
  let list = cache.get(model);
  if (!list) cache.set(model, (list = build(model)));
  return list;
}

function build(model: L3Model): ClusterCidr[] {
  const out: ClusterCidr[] = [];
  for (const c of model.clusters) {
    const domain = domainOf(model, c.nodeNetworkId) ?? DEFAULT_DOMAIN;
    for (const p of c.podCidrs)
      if (p.cidr) out.push({ ownerId: c.id, ownerKind: c.kind, ownerName: c.name, kind: 'pod', text: p.text, cidr: p.cidr, domain });
    for (const s of c.serviceCidrs)
      if (s.cidr) out.push({ ownerId: c.id, ownerKind: c.kind, ownerName: c.name, kind: 'service', text: s.text, cidr: s.cidr, domain });
  }
  for (const s of model.ofKind('supervisor')) {
    const parsed = cidr(s.props.serviceCidr);
    if (parsed)
      out.push({
        ownerId: s.id,
        ownerKind: 'supervisor',
        ownerName: s.name,
        kind: 'service',
        text: s.props.serviceCidr,
        cidr: parsed,
        domain: domainOf(model, s.props.managementNetworkId) ?? DEFAULT_DOMAIN,
      });
  }
  return out;
}
