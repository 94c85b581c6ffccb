import { defineRule } from '../../engine/rule.ts';
import { parsePorts } from '../../routing/filters.ts';
import { spanOfText, spansOfElement } from '../../routing/addressSets.ts';
import type { L3Model } from '../../l3/model.ts';
import type { FilterRule } from '@viplane/model';

/** Ports text the filter engine understands: empty or `any`, else ports and ranges separated by commas. */
function portsProblem(rule: FilterRule): string | null {
  const text = rule.ports.trim().toLowerCase();
  if (text === '' || text === 'any') return null;
  if (parsePorts(rule.ports) === null)
    return `ports "${rule.ports}" is not \`any\`, a port (443), a range (30000-32767) or a list (22,443,8443) of ports 1-65535`;
  if (rule.protocol === 'icmp') return `ports "${rule.ports}" on an ICMP rule: ICMP has no ports (write \`any\`)`;
  return null;
}

/**
 * An entry names an address, a CIDR, a range `a-b`, `any`, or an element of the design. An element
 * that stands for no address yet (a network without a subnet) is a warning: the rule matches
 * nothing for it until the design gives it addresses.
 */
function entryProblem(model: L3Model, entry: string): { severity: 'error' | 'warning'; text: string } | null {
  if (entry.trim().toLowerCase() === 'any' || spanOfText(entry) !== null) return null;
  const el = model.elements.get(entry);
  if (!el) return { severity: 'error', text: `"${entry}" is neither an address, CIDR or range nor the id of an element of the design` };
  if (spansOfElement(model, entry).length === 0)
    return { severity: 'warning', text: `${el.name} (${entry}) stands for no address in the design yet, so this entry matches nothing` };
  return null;
}

export default defineRule({
  meta: {
    id: 'flows/invalid-filter-rule',
    severity: 'error',
    category: 'flows',
    description: 'A firewall rule or router ACL entry has ports, a source or a destination the filter cannot read.',
    docs: `### Why
Viplane evaluates every firewall rule and router ACL entry against the flows the design needs
(first match wins). An entry it cannot read would otherwise be guessed at: unreadable ports
would match every port (an \`allow\` opening everything, a \`deny\` closing everything), and a
source or destination that is neither an address nor an element of the design (a typo, a
deleted element) would match nothing, so the rule silently never applies. An element that has
no address yet (a network without a subnet) also matches nothing: that is a warning until the
design gives it addresses. Real firewalls
refuse such a rule at commit time; Viplane says so while you draw.

### How to fix in Viplane
- Select the firewall (or L3 switch / router) and open **Rules** (**ACL**). The finding names
  the rule's position and id and the field.
- **Ports**: \`any\`, one port (\`443\`), a range (\`30000-32767\`) or a comma-separated list
  (\`22,443,8443\`), each between 1 and 65535; an ICMP rule takes \`any\`.
- **Sources** / **Destinations**: one entry per item: an address, a CIDR, a range \`a-b\`,
  \`any\`, or an element picked from the design (a network, cluster, SE group, Controller…),
  which stands for its addresses. Leave the list empty for any.

### Source
Stateful firewalls and ACLs evaluate in order, first match wins, and reject malformed entries
(../shared/ports.md §7.3).`,
    seeds: [],
  },
  check(ctx) {
    const { model } = ctx;
    const lists = [
      ...model.ofKind('firewall').map((f) => ({ el: f, prop: 'rules', rules: f.props.rules })),
      ...model.ofKind('router').map((r) => ({ el: r, prop: 'acl', rules: r.props.acl })),
    ];
    for (const { el, prop, rules } of lists)
      rules.forEach((rule, index) => {
        const at = `${el.name}: rule ${index + 1} (${rule.id})`;
        const ports = portsProblem(rule);
        if (ports)
          ctx.report({
            message: `${at}: ${ports}`,
            targets: [
              { kind: el.kind, id: el.id, field: `${prop}.${index}.ports` },
              { kind: 'rule', id: rule.id },
            ],
            data: { ruleId: rule.id, ruleNumber: index + 1, field: 'ports', value: rule.ports },
          });
        for (const side of ['sources', 'destinations'] as const)
          for (const entry of rule[side]) {
            const problem = entryProblem(model, entry);
            if (!problem) continue;
            ctx.report({
              message: `${at}: ${side === 'sources' ? 'source' : 'destination'} ${problem.text}`,
              severity: problem.severity,
              targets: [
                { kind: el.kind, id: el.id, field: `${prop}.${index}.${side}` },
                { kind: 'rule', id: rule.id },
              ],
              data: { ruleId: rule.id, ruleNumber: index + 1, field: side, value: entry },
            });
          }
      });
  },
});
