/** Cisco ACI fabric with the ACI CNI (seed 004). */
import { Type } from '@sinclair/typebox';
import { Ip, MaybeCidr, Name, Ref, Vlan, element, strict } from './common.ts';

export const AciFabric = element(
  'aciFabric',
  strict({
    apicHosts: Type.Array(Ip, { maxItems: 7 }),
    /** acc-provision `system_id`, also the cluster's tenant when none is given. */
    systemId: Type.String({ maxLength: 128 }),
    tenant: Name,
    vrf: strict({ name: Name, tenant: Name }),
    l3out: Type.Union([strict({ name: Name, externalNetworks: Type.Array(Name, { maxItems: 64 }) }), Type.Null()]),
    aep: Name,
    /** The AEP's "Enable Infrastructure VLAN": OpFlex/VXLAN runs on the infra VLAN. */
    infraVlanEnabled: Type.Boolean(),
    vmmDomain: Name,
    infraVlan: Vlan,
    kubeApiVlan: Vlan,
    serviceVlan: Vlan,
    /** Gateway form (`10.1.0.1/16`), as acc-provision wants. */
    nodeSubnet: MaybeCidr,
    podSubnet: MaybeCidr,
    externDynamic: MaybeCidr,
    externStatic: MaybeCidr,
    nodeServiceSubnet: MaybeCidr,
  }),
  'Cisco ACI fabric (APIC, tenant, VRF, L3Out, AEP, VMM domain) and its CNI subnets',
);

export const AciSwitch = element(
  'aciSwitch',
  strict({
    fabricId: Ref,
    role: Type.Union([Type.Literal('leaf'), Type.Literal('spine')]),
    nodeId: Type.Integer({ minimum: 101, maximum: 4000 }),
  }),
  'ACI leaf or spine switch',
);
