/** NSX-T gateways and segments for TKG routable pods (seed 001). */
import { Type } from '@sinclair/typebox';
import { AddressRange, MaybeCidr, MaybeIp, Ref, Route, element, strict } from './common.ts';

export const Tier1Advertisement = Type.Union([
  Type.Literal('TIER1_STATIC_ROUTES'),
  Type.Literal('TIER1_CONNECTED'),
  Type.Literal('TIER1_NAT'),
  Type.Literal('TIER1_LB_VIP'),
  Type.Literal('TIER1_LB_SNAT'),
  Type.Literal('TIER1_DNS_FORWARDER_IP'),
  Type.Literal('TIER1_IPSEC_LOCAL_ENDPOINT'),
]);

export const Tier0 = element(
  'nsxtTier0',
  strict({
    managerHost: Type.String({ maxLength: 256, description: 'NSX Manager (NSXT_MANAGER_HOST)' }),
    /** Uplinks are `nic` links (role `uplink`) to physical networks. */
    staticRoutes: Type.Array(Route, { maxItems: 10_000 }),
  }),
  'NSX-T Tier-0 gateway, uplinked to the existing network',
);

export const Tier1 = element(
  'nsxtTier1',
  strict({
    tier0Id: Ref,
    routeAdvertisement: Type.Array(Tier1Advertisement, { maxItems: 8 }),
    /** Per-node pod routes programmed by the vSphere CPI; kept for clusters that are gone. */
    staticRoutes: Type.Array(Route, { maxItems: 10_000 }),
  }),
  'NSX-T Tier-1 gateway (one per workload cluster in seed 001)',
);

export const Segment = element(
  'nsxtSegment',
  strict({
    tier1Id: Ref,
    subnet: MaybeCidr,
    gateway: MaybeIp,
    dhcp: Type.Boolean(),
    ranges: Type.Array(AddressRange, { maxItems: 1000 }),
  }),
  'NSX-T overlay segment with a gateway and (for TKG nodes) a DHCP server',
);
