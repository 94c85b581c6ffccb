import { defineRule } from '../../engine/rule.ts';
import { shadowedRules } from '../../routing/filters.ts';
import { hasFilters } from './filtered.ts';

export default defineRule({
  meta: {
    id: 'flows/rule-shadowed',
    severity: 'warning',
    category: 'flows',
    description: 'A firewall rule or ACL entry never matches because an earlier one covers every packet it would match.',
    docs: `### Why
Firewalls and router ACLs apply the first rule that matches. A rule whose sources, destinations,
protocol and ports all lie inside an earlier rule's is dead: whatever it says (allow or deny), the
earlier rule decides. It usually means the order is wrong — a broad \`deny\` placed above the
specific \`allow\` meant to open a vendor flow — or a leftover that makes the matrix harder to
review. Element references count as the addresses the design gives them (a network's subnet, a
Controller's node addresses, an SE group's pools).

### How to fix in Viplane
- Select the firewall (or router) and, in **Rules** (**ACL**), move the shadowed rule above the
  one that covers it, or delete it if it is redundant.

### Source
Stateful firewalls and ACLs evaluate in order, first match wins (../shared/ports.md §7.3).`,
    seeds: [],
  },
  check(ctx) {
    const { model } = ctx;
    if (!hasFilters(model)) return;
    const lists: { id: string; kind: 'firewall' | 'router'; name: string; rules: Parameters<typeof shadowedRules>[1] }[] = [
      ...model.ofKind('firewall').map((f) => ({ id: f.id, kind: 'firewall' as const, name: f.name, rules: f.props.rules })),
      ...model.ofKind('router').map((r) => ({ id: r.id, kind: 'router' as const, name: r.name, rules: r.props.acl })),
    ];
    for (const list of lists)
      for (const s of shadowedRules(model, list.rules))
        ctx.report({
          message: `${list.name}: rule ${s.number} (${s.rule.id}, ${s.rule.action}) never matches — rule ${s.byNumber} (${s.by.id}, ${s.by.action}) above it covers all its traffic`,
          targets: [
            { kind: list.kind, id: list.id, field: `${list.kind === 'firewall' ? 'rules' : 'acl'}.${s.number - 1}` },
            { kind: 'rule', id: s.rule.id },
            { kind: 'rule', id: s.by.id },
          ],
          data: { ruleId: s.rule.id, ruleNumber: s.number, coveredBy: s.by.id, coveredByNumber: s.byNumber },
        });
  },
});
