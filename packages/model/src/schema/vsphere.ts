/** vSphere: vCenter inventory and the distributed port groups the designs run on (seeds 000, 002). */
import { Type } from '@sinclair/typebox';
import { AddressRange, MaybeCidr, MaybeIp, Name, Vlan, element, strict } from './common.ts';

export const VCenter = element(
  'vcenter',
  strict({
    server: Type.String({ maxLength: 256, description: 'vCenter FQDN or address (VSPHERE_SERVER)' }),
    datacenter: Name,
    datastore: Name,
    folder: Name,
    resourcePool: Name,
    distributedSwitch: Name,
  }),
  'vCenter Server with the inventory paths that cluster configs need',
);

export const PortGroup = element(
  'portGroup',
  strict({
    vlan: Vlan,
    subnet: MaybeCidr,
    gateway: MaybeIp,
    /** A DHCP server answers on this network (its scope is a `dhcp` range). */
    dhcp: Type.Boolean(),
    /**
     * The subnet is registered on the NSX-ALB Controller (an Avi "network" with a subnet).
     * Seed 000: an SE attaches directly to any registered network, so the kube-vip design
     * must leave the node network unregistered.
     */
    albRegistered: Type.Boolean(),
    ranges: Type.Array(AddressRange, { maxItems: 1000 }),
    /** Networks in different routing domains may reuse address space. */
    routingDomain: Type.String({ maxLength: 64, default: 'default' }),
  }),
  'vSphere distributed port group (a VLAN-backed L2 network with one IP subnet)',
);
