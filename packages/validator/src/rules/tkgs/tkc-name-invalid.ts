import { defineRule } from '../../engine/rule.ts';

/** Kubernetes object names (metadata.name, metadata.namespace): a DNS-1123 label. */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export default defineRule({
  meta: {
    id: 'tkgs/tkc-name-invalid',
    severity: 'error',
    category: 'tkgs',
    description: 'A TanzuKubernetesCluster or its vSphere namespace has a name that is not a DNS-1123 label.',
    docs: `### Why
A TanzuKubernetesCluster is a Kubernetes object in the Supervisor: its name (\`metadata.name\`) and its vSphere
namespace (\`metadata.namespace\`) must be DNS-1123 labels — lowercase letters, digits and "-", starting and ending
with a letter or digit, at most 63 characters. \`kubectl apply\` refuses anything else.

### How to fix in Viplane
Rename the TKC element (its **name**), or the **vSphere namespace** element it belongs to, to lowercase letters,
digits and "-".

### Source
formats.md §7 (TanzuKubernetesCluster: \`metadata: {name: tkc-01, namespace: ns-01}\`); Kubernetes object names
(DNS-1123 label). Seed 001's TKC \`tkc-routable\` in namespace \`ns-routable\` (L248-281).`,
    seeds: ['001'],
  },
  check(ctx) {
    const { model } = ctx;
    const reported = new Set<string>();
    for (const tkc of model.ofKind('tkc')) {
      if (!DNS_1123_LABEL.test(tkc.name))
        ctx.report({
          message: `TKC name "${tkc.name}" is not a DNS-1123 label (lowercase letters, digits, "-", at most 63)`,
          targets: [{ kind: 'tkc', id: tkc.id }],
          data: { name: tkc.name },
        });
      const ns = tkc.props.namespaceId ? model.elements.get(tkc.props.namespaceId) : undefined;
      if (ns?.kind !== 'vsphereNamespace' || DNS_1123_LABEL.test(ns.name) || reported.has(ns.id)) continue;
      reported.add(ns.id);
      ctx.report({
        message: `vSphere namespace "${ns.name}" of TKC ${tkc.name} is not a DNS-1123 label (lowercase letters, digits, "-", at most 63)`,
        targets: [
          { kind: 'vsphereNamespace', id: ns.id },
          { kind: 'tkc', id: tkc.id },
        ],
        data: { name: ns.name },
      });
    }
  },
});
