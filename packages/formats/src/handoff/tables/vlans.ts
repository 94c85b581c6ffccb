/**
 * VLANs / port groups: the L2 networks to create or trunk. The switch is the vCenter's distributed
 * switch (the design names one per vCenter; with several vCenters the port group's is not modelled,
 * so all are named). MTU is not modelled, so there is no MTU column.
 */
import type { HandoffTable } from '../types.ts';
import { networkKindLabel, networkPurposes, type HandoffContext } from './context.ts';

export function vlanTable(ctx: HandoffContext): HandoffTable {
  const switches = [
    ...new Set(
      ctx.model
        .ofKind('vcenter')
        .map((v) => v.props.distributedSwitch)
        .filter((s) => s !== ''),
    ),
  ].sort();
  const purposes = networkPurposes(ctx);
  const rows = ctx.model.networks
    .filter((n) => n.kind !== 'clientNetwork')
    .map((n) => ({
      name: n.name,
      kind: networkKindLabel(n),
      vlan: n.vlan === null ? '' : String(n.vlan),
      switch: n.kind === 'portGroup' ? switches.join(', ') : 'NSX-T overlay',
      subnet: n.subnetText ?? '',
      purpose: purposes.get(n.id) ?? '',
    }));
  return {
    id: 'vlans',
    title: 'VLANs and port groups',
    description: 'The L2 networks the design runs on: create the port groups (or segments) and trunk their VLANs to the hosts.',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'kind', label: 'Kind' },
      { key: 'vlan', label: 'VLAN' },
      { key: 'switch', label: 'Switch / VDS' },
      { key: 'subnet', label: 'Subnet' },
      { key: 'purpose', label: 'Purpose' },
    ],
    rows,
  };
}
