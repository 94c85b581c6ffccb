import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'tkgs/tkc-required-missing',
    severity: 'error',
    category: 'tkgs',
    description: 'A TanzuKubernetesCluster without a vSphere namespace or without a VM class (both required).',
    docs: `### Why
A TanzuKubernetesCluster is created in a vSphere namespace of the Supervisor (\`metadata.namespace\`), which gives it
its networks, storage and VM classes; and the CRD requires \`vmClass\` for the control plane and every node pool —
the size of the VMs. Without either, the manifest cannot be applied.

### How to fix in Viplane
Select the TKC element: set its **vSphere namespace** (connect it to one) and its **VM class** (e.g.
best-effort-small, one of the classes bound to that namespace).

### Source
formats.md §7: "\`topology\` required; controlPlane required: \`vmClass\`, \`storageClass\`; nodePools required, each:
name, vmClass, storageClass". Seed 001's TKC manifest (L248-281).`,
    seeds: ['001'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const tkc of model.ofKind('tkc')) {
      const missing: string[] = [];
      const ns = tkc.props.namespaceId ? model.elements.get(tkc.props.namespaceId) : undefined;
      if (ns?.kind !== 'vsphereNamespace' && !isUnknown(tkc, 'namespaceId')) missing.push('vSphere namespace (metadata.namespace)');
      if (tkc.props.vmClass.trim() === '' && !isUnknown(tkc, 'vmClass')) missing.push('VM class (vmClass)');
      if (missing.length === 0) continue;
      ctx.report({
        message: `TKC ${tkc.name}: no ${missing.join(' and no ')}; the manifest cannot be applied`,
        targets: [{ kind: 'tkc', id: tkc.id }],
        data: { tkc: tkc.name, missing },
      });
    }
  },
});
