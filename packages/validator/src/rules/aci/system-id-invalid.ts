import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

/** acc-provision's system_id rule for kubernetes flavors (formats.md §6.2). */
const ACI_SYSTEM_ID = /^[A-Za-z][A-Za-z0-9_]{1,30}$/;

export default defineRule({
  meta: {
    id: 'aci/system-id-invalid',
    severity: 'error',
    category: 'aci',
    description: 'An ACI fabric’s system_id breaks acc-provision’s rule (2-31 characters, a letter first, then letters, digits or "_").',
    docs: `### Why
acc-provision names the cluster's tenant, VMM domain, bridge domains and EPGs after \`aci_config.system_id\` and
refuses any value that is not 2-31 characters of letters, digits and "_" starting with a letter. A hyphen — the most
natural cluster-name character — is rejected (\`my-kube\` fails, \`my_kube\` works).

### How to fix in Viplane
Select the ACI fabric and change **System id** to letters, digits and "_" only, starting with a letter, at most 31
characters (seed 004: \`k8s_demo2\`).

### Source
formats.md §6.2 (acc-provision, tested): "\`system_id\`: 2–31 characters, first character a letter, only
letters/digits/underscore (hyphen rejected …)". Seed 004 \`system_id: k8s_demo2\`.`,
    seeds: ['004'],
  },
  check(ctx) {
    for (const fabric of ctx.model.ofKind('aciFabric')) {
      const id = fabric.props.systemId;
      // Empty: not set (aci/required-missing), or unknown after an import.
      if (id === '' || ACI_SYSTEM_ID.test(id) || isUnknown(fabric, 'systemId')) continue;
      ctx.report({
        message: `ACI fabric ${fabric.name}: system_id "${id}" must be 2-31 characters, start with a letter and hold only letters, digits and "_" (acc-provision rejects it)`,
        targets: [{ kind: 'aciFabric', id: fabric.id }],
        data: { fabric: fabric.name, systemId: id },
      });
    }
  },
});
