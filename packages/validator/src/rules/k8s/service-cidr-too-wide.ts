import { defineRule } from '../../engine/rule.ts';
import { clusterCidrs } from '../../queries/clusterCidrs.ts';

/** kube-apiserver refuses a service range with more than 20 host bits: IPv4 wider than /12, IPv6 wider than /108. */
export const MAX_SERVICE_HOST_BITS = 20;

export default defineRule({
  meta: {
    id: 'k8s/service-cidr-too-wide',
    severity: 'error',
    category: 'k8s',
    description: 'A service CIDR is wider than kube-apiserver accepts (IPv4 wider than /12, IPv6 wider than /108).',
    docs: `### Why
kube-apiserver allocates ClusterIPs from \`--service-cluster-ip-range\` with a bitmap, and refuses to start
when the range has more than 20 host bits ("specified --service-cluster-ip-range is too large"). For IPv4
the widest service CIDR is a /12 (the kubeadm default 10.96.0.0/12), for IPv6 a /108. A TKG cluster with
\`SERVICE_CIDR: 100.64.0.0/10\` never gets a working control plane: the bootstrap waits for the API server
until it times out.

### How to fix in Viplane
Narrow the cluster's **service CIDR** (TKG \`SERVICE_CIDR\`, TKC \`services.cidrBlocks\`, the
Supervisor's **service CIDR**) to a /12 or longer prefix, e.g. the TKG default 100.64.0.0/13.

### Source
vmware-tanzu/tanzu-framework PR #986 "Service cidr size validation" and PR #2342 "Validate workload cluster
service CIDR size": "When provided an invalid service cidr, the kube-apiserver fails to come up and causes
the cluster to hang"; release note: "IPv4 CIDRs mask must be /12 or smaller and IPv6 CIDRs must be /108 or
smaller". kube-apiserver (\`cmd/kube-apiserver/app/options/validation.go\`): "specified
--service-cluster-ip-range is too large" above 20 host bits. TKG default SERVICE_CIDR 100.64.0.0/13.`,
    seeds: [],
  },
  check({ model, report }) {
    for (const c of clusterCidrs(model)) {
      if (c.kind !== 'service') continue;
      const hostBits = (c.cidr.family === 4 ? 32 : 128) - c.cidr.prefix;
      if (hostBits <= MAX_SERVICE_HOST_BITS) continue;
      const widest = c.cidr.family === 4 ? '/12' : '/108';
      report({
        message: `Service CIDR ${c.text} of ${c.ownerName} is wider than ${widest}: kube-apiserver refuses a service range of more than 2^${MAX_SERVICE_HOST_BITS} addresses`,
        targets: [{ kind: c.ownerKind, id: c.ownerId }],
        data: { cluster: c.ownerName, serviceCidr: c.text, widest },
      });
    }
  },
});
