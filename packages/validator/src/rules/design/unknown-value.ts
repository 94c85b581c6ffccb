import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'design/unknown-value',
    severity: 'info',
    category: 'design',
    description: 'A value the imported files did not give is still unknown (a port group subnet, a Tier-1 uplink).',
    docs: `### Why
An import turns what a file says into the design and never invents the rest: a TKG cluster config names its
node port group (\`VSPHERE_NETWORK\`) but not the port group's subnet or gateway; \`NSXT_ROUTER_PATH\` names the
Tier-1 but not its Tier-0. Those fields are marked unknown in the document. Rules that need them stay silent
rather than report a mistake that may not exist, so the checks are only as complete as the values you fill in.

### How to fix in Viplane
Select the element: the inspector lists its unknown fields. Enter the real values (from vCenter, NSX Manager or
the NSX-ALB Controller); each edit clears the mark and the rules that need the value run again.

### Source
Issue 6 (import): "what a file does not say becomes an explicit unknown that the inspector asks for and the
validator reports as info — never an invented value". Seed 001 L51-125 (the configs name tanzu-overlay by name
and CIDR only).`,
    seeds: ['001'],
  },
  check({ model, report }) {
    for (const el of model.elements.values()) {
      const fields = el.unknown;
      if (!fields || fields.length === 0) continue;
      report({
        message: `${el.name}: ${fields.join(', ')} unknown (the imported files do not give ${fields.length === 1 ? 'it' : 'them'}); enter ${fields.length === 1 ? 'it' : 'them'} in the inspector`,
        targets: [{ kind: el.kind, id: el.id }],
        data: { element: el.name, fields: [...fields] },
      });
    }
  },
});
