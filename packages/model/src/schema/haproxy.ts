/** HAProxy load-balancer appliance for vSphere with Tanzu (seed 002). */
import { Type } from '@sinclair/typebox';
import { Cidr, element, strict } from './common.ts';

export const HaProxy = element(
  'haproxy',
  strict({
    /** `default`: 2 NICs (management, workload); `frontend`: 3 NICs (+ frontend for VIPs). */
    topology: Type.Union([Type.Literal('default'), Type.Literal('frontend')]),
    /** CIDRs reserved entirely for VIPs (OVA `loadbalance.service_ip_range`). */
    vipRanges: Type.Array(Cidr, { maxItems: 64 }),
    /** Data-plane API port the Supervisor programs (OVA `loadbalance.dataplane_port`). */
    dataPlanePort: Type.Integer({ minimum: 1, maximum: 65535 }),
    /** Interfaces are `nic` links with roles management / workload / frontend, each with a gateway. */
  }),
  'HAProxy VM appliance',
);
