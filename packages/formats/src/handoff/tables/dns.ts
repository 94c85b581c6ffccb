/**
 * DNS records and delegations the design relies on. Names are written only where the design holds
 * them (a delegated subdomain, a vCenter FQDN); otherwise the row gives the address and says what
 * the record is for, and the name is the network team's to choose.
 */
import type { HandoffTable } from '../types.ts';
import type { HandoffContext } from './context.ts';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isAddress = (text: string) => IPV4.test(text) || text.includes(':');

export function dnsTable(ctx: HandoffContext): HandoffTable {
  const rows: Record<string, string>[] = [];
  for (const dns of ctx.model.ofKind('aviDnsVs')) {
    for (const sub of [...dns.props.subdomains].sort())
      rows.push({
        name: sub,
        type: 'NS',
        value: `name server of DNS virtual service ${dns.name} (glue A ${dns.props.address})`,
        purpose: 'delegate the subdomain to the NSX-ALB DNS virtual service (AKO publishes app records there)',
        holder: dns.name,
      });
    rows.push({
      name: '',
      type: 'A',
      value: dns.props.address,
      purpose: 'NSX-ALB DNS virtual service (the delegation’s name server); UDP/TCP 53 must reach it',
      holder: dns.name,
    });
  }
  const delegated = new Set(ctx.model.ofKind('aviDnsVs').flatMap((d) => d.props.subdomains));
  for (const c of ctx.model.ofKind('aviController')) {
    // A profile domain that a DNS VS already lists is delegated above.
    if (c.props.dnsProfile && !delegated.has(c.props.dnsProfile.domain))
      rows.push({
        name: c.props.dnsProfile.domain,
        type: 'NS',
        value: 'the DNS virtual service of this Controller',
        purpose: `DNS profile ${c.props.dnsProfile.name}: the domain NSX-ALB answers for; delegate it`,
        holder: c.name,
      });
  }
  for (const a of ctx.model.addresses) {
    if (a.role === 'controller')
      rows.push({ name: '', type: 'A', value: a.text, purpose: 'NSX-ALB Controller (AVI_CONTROLLER)', holder: ctx.name(a.ownerId) });
    else if (a.role === 'endpoint')
      rows.push({
        name: '',
        type: 'A',
        value: a.text,
        purpose: 'Kubernetes API endpoint (control-plane VIP)',
        holder: ctx.name(a.ownerId),
      });
    else if (a.role === 'vip' || a.role === 'supervisor-management')
      rows.push({
        name: '',
        type: 'A',
        value: a.text,
        purpose: a.role === 'vip' ? 'application VIP' : 'Supervisor management (first of 5)',
        holder: ctx.name(a.ownerId),
      });
  }
  for (const v of ctx.model.ofKind('vcenter')) {
    const server = v.props.server.trim();
    if (server === '') continue;
    rows.push(
      isAddress(server)
        ? {
            name: '',
            type: 'A',
            value: server,
            purpose: 'vCenter Server (VSPHERE_SERVER is an address; a name is optional)',
            holder: v.name,
          }
        : {
            name: server,
            type: 'A',
            value: '',
            purpose: 'vCenter Server: must resolve from the node and Controller networks',
            holder: v.name,
          },
    );
  }
  for (const t of ctx.model.ofKind('tkgCluster'))
    if (t.props.endpoint.address === null && t.props.endpoint.provider === 'nsx-alb')
      rows.push({
        name: '',
        type: 'A',
        value: 'from the VIP pool',
        purpose: 'Kubernetes API endpoint (allocated by NSX-ALB at deployment; add the record once known)',
        holder: t.name,
      });
  const seen = new Set<string>();
  return {
    id: 'dns',
    title: 'DNS records and delegations',
    description:
      'Delegations to the NSX-ALB DNS virtual service and the A records of endpoints the design holds (an empty name is yours to choose).',
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'type', label: 'Type' },
      { key: 'value', label: 'Value' },
      { key: 'purpose', label: 'Purpose' },
      { key: 'holder', label: 'Holder' },
    ],
    rows: rows.filter((r) => {
      const key = JSON.stringify(r);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
