import type { Rule } from '../../engine/rule.ts';
import podCidrTooSmall from './pod-cidr-too-small.ts';
import podCidrCapacity from './pod-cidr-capacity.ts';
import t1RouteAdvertisement from './t1-route-advertisement.ts';
import t1NoUplink from './t1-no-uplink.ts';
import segmentNoDhcp from './segment-no-dhcp.ts';
import staleRoutes from './stale-routes.ts';

export const nsxtRules: readonly Rule[] = [podCidrTooSmall, podCidrCapacity, t1RouteAdvertisement, t1NoUplink, segmentNoDhcp, staleRoutes];
