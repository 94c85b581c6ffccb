/**
 * Ranges and addresses with their holders: the address plan's rows (address-plan/), so the handoff
 * and address-plan.csv never disagree.
 */
import type { HandoffTable } from '../types.ts';
import type { HandoffContext } from './context.ts';

export function rangeTable(ctx: HandoffContext): HandoffTable {
  return {
    id: 'ranges',
    title: 'Reserved ranges',
    description: 'Every range the design declares, what it is for and who uses it, with how many addresses are taken.',
    columns: [
      { key: 'network', label: 'Network' },
      { key: 'range', label: 'Range' },
      { key: 'purpose', label: 'Purpose' },
      { key: 'holder', label: 'Declared by' },
      { key: 'size', label: 'Size' },
      { key: 'used', label: 'Used' },
      { key: 'free', label: 'Free' },
    ],
    rows: ctx.plan
      .filter((r) => r.type === 'range')
      .map((r) => ({
        network: r.network,
        range: r.address,
        purpose: r.purpose,
        holder: r.holder,
        size: r.size,
        used: r.used,
        free: r.free,
      })),
  };
}

export function addressTable(ctx: HandoffContext): HandoffTable {
  return {
    id: 'addresses',
    title: 'Addresses and holders',
    description:
      'Who holds each address: gateways, interfaces, Controller, endpoints and VIPs; “from pool” / “DHCP” rows say how many addresses something takes at run time and from which range.',
    columns: [
      { key: 'network', label: 'Network' },
      { key: 'address', label: 'Address' },
      { key: 'purpose', label: 'Purpose' },
      { key: 'holder', label: 'Holder' },
      { key: 'within', label: 'Within range' },
      { key: 'count', label: 'Count' },
    ],
    rows: ctx.plan
      .filter((r) => r.type === 'address')
      .map((r) => ({ network: r.network, address: r.address, purpose: r.purpose, holder: r.holder, within: r.within, count: r.size })),
  };
}
