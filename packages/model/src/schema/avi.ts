/** NSX Advanced Load Balancer (Avi): Controller with its cloud, VRFs and profiles; SE groups; VS (seeds 000, 003). */
import { Type, type Static } from '@sinclair/typebox';
import { Cidr, Count, Id, Ip, MaybeIp, Name, Ref, element, strict } from './common.ts';

/** An Avi label (`KeyValue`), e.g. AKO's `clustername=<clusterName>`. */
export const Label = strict({ key: Type.String({ maxLength: 128 }), value: Type.String({ maxLength: 256 }) });
export type Label = Static<typeof Label>;

/**
 * A static route of an Avi VRF context (`VrfContext.static_routes[]`): a Route with optional labels. Since Avi 20.1.1 a
 * route with labels applies only to the SE groups carrying all of them (`ServiceEngineGroup.labels`); one without
 * labels applies to every SE group of the VRF.
 */
export const VrfRoute = Type.Object(
  { id: Id, prefix: Cidr, nextHop: MaybeIp, labels: Type.Optional(Type.Array(Label, { maxItems: 32 })) },
  { additionalProperties: false },
);
export type VrfRoute = Static<typeof VrfRoute>;

export const Vrf = strict({
  /** `global` is the data VRF, `management` the SE management VRF. */
  name: Type.Union([Type.Literal('global'), Type.Literal('management')]),
  staticRoutes: Type.Array(VrfRoute, { maxItems: 10_000 }),
});

export const AviController = element(
  'aviController',
  strict({
    /** Controller address; it sits on the network of its `management` nic link. */
    version: Type.String({ maxLength: 32 }),
    cloudName: Name,
    vcenterId: Ref,
    vrfs: Type.Array(Vrf, { maxItems: 2 }),
    ipamProfile: Type.Union([
      strict({ name: Name, usableNetworkIds: Type.Array(Type.String({ maxLength: 128 }), { maxItems: 1000 }) }),
      Type.Null(),
    ]),
    dnsProfile: Type.Union([strict({ name: Name, domain: Name }), Type.Null()]),
  }),
  'NSX-ALB Controller and its vCenter cloud',
);

export const SeGroup = element(
  'seGroup',
  strict({
    controllerId: Ref,
    haMode: Type.Union([
      Type.Literal('HA_MODE_SHARED'),
      Type.Literal('HA_MODE_SHARED_PAIR'),
      Type.Literal('HA_MODE_LEGACY_ACTIVE_STANDBY'),
    ]),
    /** Service Engines in the group; each takes one interface address per attached network. */
    seCount: Count,
    /** Labels that select the VRF static routes carrying them (Avi 20.1.1+); none = only unlabelled routes apply. */
    labels: Type.Optional(Type.Array(Label, { maxItems: 32 })),
    /** Interfaces are `nic` links (role `management` or `data`); NICs per SE are derived. */
  }),
  'Service Engine group: the data-plane VMs that hold VIPs',
);

export const VirtualService = element(
  'virtualService',
  strict({
    /** SE group or HAProxy that serves it. */
    loadBalancerId: Ref,
    vipNetworkId: Ref,
    /** `null`: taken from the network's VIP pool. */
    address: MaybeIp,
    /** Cluster whose nodes or pods are the pool members. */
    backendClusterId: Ref,
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
  }),
  'A load-balanced application address (VIP) and the cluster behind it',
);

export const DnsVirtualService = element(
  'aviDnsVs',
  strict({
    seGroupId: Ref,
    networkId: Ref,
    address: Ip,
    /** Delegated subdomains, e.g. `ako.example.com` (seed 003). */
    subdomains: Type.Array(Name, { maxItems: 100 }),
  }),
  'NSX-ALB DNS virtual service, the authority for delegated subdomains',
);
