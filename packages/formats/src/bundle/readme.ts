/**
 * The bundle's README.md: what each file is, which tool consumes it, in which order to apply
 * them, the tool versions the formats target, and the validation summary.
 */
import type { TopologyDocument } from '@viplane/model';
import type { Diagnostic } from '@viplane/validator';
import { mdCell, mdText } from '../report/markdown.ts';
import { countText } from '../report/index.ts';

/** The tool versions the exported formats were written against (shared/formats.md §0). */
export const TOOL_VERSIONS: readonly { tool: string; version: string; files: string }[] = [
  { tool: 'Tanzu Kubernetes Grid (tanzu CLI)', version: 'TKG 2.x, cluster-config variables of tanzu-framework v0.29.0', files: 'tkg/' },
  { tool: 'AKO (Avi Kubernetes Operator) Helm chart', version: 'AKO 1.13.4', files: 'ako/*-values.yaml' },
  {
    tool: 'TKG AKO operator (AKODeploymentConfig)',
    version: 'networking.tkg.tanzu.vmware.com/v1alpha1',
    files: 'ako/*akodeploymentconfig*.yaml, ako/*install-ako*.yaml',
  },
  { tool: 'NSX Advanced Load Balancer (Avi) Controller REST API', version: 'Avi 30.2.1 API', files: 'avi/' },
  {
    tool: 'HAProxy load-balancer OVA for vSphere with Tanzu (govc import.ova)',
    version: 'haproxytech/vmware-haproxy v0.2.0',
    files: 'haproxy/*-ova-options.json',
  },
  {
    tool: 'vSphere with Tanzu Supervisor (vSphere Automation API)',
    version: 'vSphere 7/8 NamespaceManagement',
    files: 'haproxy/*-load-balancer.json, haproxy/*-workload-networks.json',
  },
  {
    tool: 'TanzuKubernetesCluster (kubectl on the Supervisor)',
    version: 'run.tanzu.vmware.com/v1alpha2 (tanzu-framework v0.29.0)',
    files: 'tkc/',
  },
  { tool: 'NSX-T Policy API', version: 'NSX-T 3.x / NSX 4.x Policy API', files: 'nsxt/' },
  { tool: 'Cisco ACI CNI acc-provision', version: 'acc-provision 6.1.x (6.1.2.1)', files: 'aci/' },
];

interface Kind {
  test: RegExp;
  what: string;
  tool: string;
}

/** What a bundle file is and who reads it, by path. The first match wins. */
const KINDS: readonly Kind[] = [
  { test: /^README\.md$/, what: 'This file: contents, order of application, targeted versions', tool: 'people' },
  {
    test: /^topology\.json$/,
    what: 'The design itself (Viplane topology document, sorted keys)',
    tool: 'Viplane (import, `viplane validate`)',
  },
  {
    test: /^report\.md$/,
    what: 'Validation report: design summary, findings with rule docs, address plan',
    tool: 'people (Markdown viewer, Git hosting)',
  },
  { test: /^report\.html$/, what: 'The same report as one self-contained web page, with the diagrams', tool: 'a web browser' },
  {
    test: /^address-plan\.csv$/,
    what: 'Address plan: every subnet, range and address, its holder, used/free counts',
    tool: 'spreadsheet / IPAM import (RFC 4180 CSV)',
  },
  {
    test: /^handoff\/handoff\.md$/,
    what: 'Network handoff: VLANs, subnets, ranges and holders, routes, DNS, firewall matrix, L2 requirements',
    tool: 'the network team (Markdown viewer)',
  },
  { test: /^handoff\/handoff\.html$/, what: 'The same network handoff as one web page (also inside report.html)', tool: 'a web browser' },
  {
    test: /^handoff\/handoff\.xlsx$/,
    what: 'The network handoff as a workbook, one sheet per table',
    tool: 'a spreadsheet (Excel, LibreOffice)',
  },
  { test: /^handoff\/csv\/.*\.csv$/, what: 'One table of the network handoff (RFC 4180, formula-safe)', tool: 'a spreadsheet or script' },
  {
    test: /^handoff\/netbox\/.*\.csv$/,
    what: "NetBox bulk import (prefixes, VLANs, IP ranges, IP addresses), columns as NetBox's import forms",
    tool: 'NetBox: IPAM > Import (CSV)',
  },
  { test: /^diagrams\/design\.svg$/, what: 'Design overview diagram', tool: 'a web browser or any SVG viewer' },
  { test: /^diagrams\/design\.png$/, what: 'Design overview diagram (PNG)', tool: 'documents, tickets' },
  {
    test: /^diagrams\/routing-.*\.svg$/,
    what: 'Routing diagram of one SE group / HAProxy: NICs, networks, route tables, VIPs',
    tool: 'a web browser or any SVG viewer',
  },
  { test: /^diagrams\/routing-.*\.png$/, what: 'Routing diagram (PNG)', tool: 'documents, tickets' },
  {
    test: /^avi\/apply\.sh$/,
    what: 'Applies the numbered Avi payloads in order (curl, credentials from the environment)',
    tool: 'bash + curl against the NSX-ALB Controller',
  },
  {
    test: /^avi\/\d+-.*\.json$/,
    what: 'NSX-ALB Controller object (network, VRF context, IPAM/DNS profile, cloud, SE group) as a REST payload',
    tool: 'NSX-ALB Controller REST API (via avi/apply.sh)',
  },
  { test: /^nsxt\/apply\.sh$/, what: 'Applies the numbered NSX Policy API requests in order', tool: 'bash + curl against NSX Manager' },
  {
    test: /^nsxt\/cleanup-stale-routes\.(json|sh)$/,
    what: 'Static routes left behind by deleted clusters, to remove by hand (seed 001)',
    tool: 'NSX Policy API (DELETE), after a cluster is deleted',
  },
  {
    test: /^nsxt\/.*expected-pod-routes\.json$/,
    what: 'The per-node pod routes the vSphere CPI will program on the Tier-1 (for checking, not for applying)',
    tool: 'people / NSX Manager (verification)',
  },
  {
    test: /^nsxt\/\d+-.*\.json$/,
    what: 'NSX Policy API request (Tier-0/Tier-1 gateway, segment, DHCP, static route)',
    tool: 'NSX Policy API (via nsxt/apply.sh)',
  },
  {
    test: /^haproxy\/.*-ova-options\.json$/,
    what: 'HAProxy appliance deployment properties (OVF properties, networks)',
    tool: '`govc import.ova -options=<file> haproxy-*.ova`',
  },
  {
    test: /^haproxy\/.*-load-balancer\.json$/,
    what: 'Supervisor load-balancer settings for the HAProxy (Workload Management)',
    tool: 'vCenter: Workload Management enablement (UI or vSphere Automation API)',
  },
  {
    test: /^haproxy\/.*-workload-networks\.json$/,
    what: 'Supervisor workload networks (port groups, ranges, primary)',
    tool: 'vCenter: Workload Management enablement (UI or vSphere Automation API)',
  },
  {
    test: /^tkg\/.*\.ya?ml$/,
    what: 'TKG cluster configuration file (flat YAML variables)',
    tool: '`tanzu management-cluster create --file` / `tanzu cluster create --file`',
  },
  { test: /^ako\/.*-values\.ya?ml$/, what: 'AKO Helm values', tool: '`helm install ako ako/ako --version 1.13.4 -f <file>`' },
  {
    test: /^ako\/.*\.ya?ml$/,
    what: 'AKODeploymentConfig for the TKG AKO operator',
    tool: '`kubectl apply -f` in the TKG management cluster',
  },
  {
    test: /^tkc\/.*\.ya?ml$/,
    what: 'TanzuKubernetesCluster manifest',
    tool: '`kubectl apply -f` in the vSphere namespace (Supervisor context)',
  },
  {
    test: /^aci\/.*acc-provision-input\.ya?ml$/,
    what: 'acc-provision input (node/pod/external subnets, VLANs, tenant, VRF, L3Out)',
    tool: '`acc-provision -c <file> -f <flavor> -a -u <user> -p <password> -o aci-cni.yaml`',
  },
  {
    test: /^aci\/.*epg-annotations\.ya?ml$/,
    what: 'EPG annotations for namespaces / deployments',
    tool: '`kubectl apply -f` (or `acikubectl set default-eg`)',
  },
];

export function describeFile(path: string): { what: string; tool: string } {
  const hit = KINDS.find((k) => k.test.test(path));
  if (hit) return { what: hit.what, tool: hit.tool };
  const dir = path.split('/')[0] ?? '';
  return {
    what: `Deployment file (${dir})`,
    tool: TOOL_VERSIONS.find((t) => t.files.startsWith(`${dir}/`))?.tool ?? 'see the file header',
  };
}

/** Steps in the order a team applies the bundle; only the ones with files are listed. */
function steps(paths: readonly string[], document: TopologyDocument): string[] {
  const has = (re: RegExp) => paths.some((p) => re.test(p));
  const list = (re: RegExp) =>
    paths
      .filter((p) => re.test(p))
      .map((p) => `\`${p}\``)
      .join(', ');
  const out: string[] = [
    'Read `report.html` (or `report.md`) and fix every **error** in the design before applying anything; re-export afterwards.',
  ];
  if (has(/^nsxt\/\d+-/))
    out.push(`NSX-T: apply the Policy API requests in their numbered order with \`nsxt/apply.sh\` (${list(/^nsxt\/\d+-/)}).`);
  if (has(/^avi\//))
    out.push(
      `NSX-ALB Controller: create the networks with their IP pools, the VRF routes, the IPAM/DNS profiles, the cloud settings and the SE group, in numbered order, with \`avi/apply.sh\` (${list(/^avi\/\d+-/)}).`,
    );
  if (has(/^haproxy\/.*ova-options/))
    out.push(
      `HAProxy: deploy the appliance OVA with its options (${list(/^haproxy\/.*ova-options/)}) and check the data-plane API answers on the management address.`,
    );
  if (has(/^haproxy\/.*(load-balancer|workload-networks)/))
    out.push(
      `Supervisor: enable Workload Management with the load-balancer and workload-network settings (${list(/^haproxy\/.*(load-balancer|workload-networks)/)}); workload networks can only be added at enablement.`,
    );
  if (has(/^aci\/.*acc-provision/))
    out.push(
      `Cisco ACI: run acc-provision on the input (${list(/^aci\/.*acc-provision/)}), apply its output to the cluster, then the EPG annotations.`,
    );
  const tkg = document.elements.filter((e) => e.kind === 'tkgCluster');
  if (has(/^tkg\//)) {
    const mgmt = tkg.filter((e) => e.kind === 'tkgCluster' && e.props.role === 'management').map((e) => mdText(e.name));
    out.push(
      `TKG: create the management cluster first${mgmt.length > 0 ? ` (${mgmt.join(', ')})` : ''} with \`tanzu management-cluster create --file tkg/<name>.yaml\`, then each workload cluster with \`tanzu cluster create --file tkg/<name>.yaml\` (${list(/^tkg\//)}).`,
    );
  }
  if (has(/^ako\/.*akodeploymentconfig|^ako\/.*install-ako/))
    out.push(
      `AKO (TKG): apply the AKODeploymentConfigs in the management cluster (${list(/^ako\/.*akodeploymentconfig|^ako\/.*install-ako/)}).`,
    );
  if (has(/^ako\/.*-values\./))
    out.push(`AKO (Helm): install AKO 1.13.4 in each cluster with its values file (${list(/^ako\/.*-values\./)}).`);
  if (has(/^tkc\//)) out.push(`vSphere with Tanzu: create the TanzuKubernetesClusters in their namespaces (${list(/^tkc\//)}).`);
  if (has(/^nsxt\/cleanup-stale-routes/))
    out.push(
      'Later, when a cluster with routable pods is deleted: remove its leftover Tier-1 static routes (`nsxt/cleanup-stale-routes.*`).',
    );
  return out;
}

export function bundleReadme(
  document: TopologyDocument,
  paths: readonly string[],
  diagnostics: readonly Diagnostic[],
  exportDiagnostics: readonly Diagnostic[],
  /** What the export left out or changed (a PNG over the pixel budget), one sentence each. */
  notes: readonly string[] = [],
): string {
  const out: string[] = [];
  out.push(`# Deployment bundle: ${mdText(document.name || 'Untitled design')}`, '');
  out.push(
    `Generated by Viplane from \`topology.json\`${document.origin ? ` (template ${mdText(document.origin)})` : ''}, environment **${document.environment}**. ` +
      'Every file is generated from the design; edit the design and export again rather than editing the files. ' +
      'Secrets are never written: passwords, CA data and keys appear as `<PLACEHOLDER>` values or are read from the environment by the scripts.',
    '',
  );
  out.push('## Validation summary', '', `Design: ${countText(diagnostics)}. Export checks: ${countText(exportDiagnostics)}.`, '');
  const errors = [...diagnostics, ...exportDiagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    out.push('**The design has errors; the files below will not work as they are:**', '');
    for (const d of errors.slice(0, 20)) out.push(`- **${d.ruleId}**: ${mdText(d.message)}`);
    if (errors.length > 20) out.push(`- … and ${errors.length - 20} more (see \`report.md\`)`);
    out.push('');
  } else out.push('No errors. Warnings and the rules behind every finding are in `report.md` / `report.html`.', '');

  out.push('## Order of application', '');
  steps(paths, document).forEach((s, i) => out.push(`${i + 1}. ${s}`));
  out.push('');

  out.push('## Targeted tool versions', '', '| Tool | Version | Files |', '|---|---|---|');
  for (const t of TOOL_VERSIONS) out.push(`| ${mdCell(t.tool)} | ${mdCell(t.version)} | ${mdCell(t.files)} |`);
  out.push('', 'The formats follow these versions; other versions may name keys differently.', '');

  if (notes.length > 0) {
    out.push('## Notes', '');
    for (const n of notes) out.push(`- ${n}`);
    out.push('');
  }

  out.push('## Files', '', '| File | What it is | Consumed by |', '|---|---|---|');
  for (const p of paths) {
    const d = describeFile(p);
    out.push(`| \`${p.replace(/`/g, "'")}\` | ${mdCell(d.what)} | ${d.tool.includes('`') ? d.tool : mdCell(d.tool)} |`);
  }
  out.push('');
  return out.join('\n');
}
