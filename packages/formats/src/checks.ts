/**
 * The stable ids of the formats' own diagnostics, beside the validator's rule catalogue:
 * `format/*` are the real tools' checks applied when a file is written (formats.md §2.4, §4.3, §6.2 …)
 * that are about the file, not the design; a check that is a fact about the design is a validator rule
 * instead (issue 11 §3: the TKG endpoint, name, NSX-ALB and NSX-T settings checks moved to tkg/*, the
 * NodePortLocal/CNI check to ako/nodeportlocal-needs-antrea, AKO's name characters to ako/cluster-name-invalid, its selector to ako/nodeport-selector-one-label,
 * the TKC name, namespace, VM class, CNI and routed-namespace checks to tkgs/*, acc-provision's system_id and
 * required keys to aci/*),
 * `import/*` what an import says about the files it read. Tools and tests match on these ids, never on
 * wording; test/checks.test.ts keeps this list equal to the ids the sources report.
 */
export const FORMAT_CHECKS: Readonly<Record<string, string>> = {
  // acc-provision (formats.md §6.2)
  'format/aci-gateway-form': 'A subnet given as its network address is written in gateway/prefix form, as acc-provision reads it.',
  // AKO values and AKODeploymentConfig (formats.md §2.5, §4)
  'format/ako-adc-network': 'An AKODeploymentConfig network lacks a name or a CIDR the webhook can parse.',
  'format/ako-cluster-name': 'No clusterName to write; under TKG the AKO operator derives clusterName, not the design’s name.',
  'format/ako-controller': 'No Controller address for ControllerSettings.controllerHost.',
  'format/ako-ingress-class': 'The chart creates its own IngressClass name, not the design’s.',
  'format/ako-node-network': 'Static-route mode needs the node network and its CIDR in nodeNetworkList.',
  'format/ako-vip-network': 'The VIP network has no valid subnet for vipNetworkList.',
  // NSX-ALB objects (formats.md §3)
  'format/avi-controller-address': 'The Controller has no management address for apply.sh.',
  'format/avi-ipam-network': 'The IPAM profile lists a network that is not configured on the Controller.',
  'format/avi-network-no-addresses': 'A registered network has neither a static pool nor DHCP.',
  'format/avi-network-subnet': 'A registered network has no valid subnet for configured_subnets.',
  'format/avi-route': 'A VRF route without a valid prefix or next hop is not exported.',
  'format/avi-route-id': 'A VRF route id looks like one AKO manages and could be overwritten by it.',
  // HAProxy appliance and Supervisor (formats.md §5)
  'format/haproxy-nameservers': 'The design holds no DNS servers for network.nameservers.',
  'format/haproxy-nic': 'An interface the OVA deployment option needs is missing.',
  'format/haproxy-static-ip': 'An interface has no static address with a known subnet.',
  'format/haproxy-vip-range': 'No VIP range that is a CIDR for loadbalance.service_ip_range.',
  'format/supervisor-load-balancer': 'The Supervisor’s load balancer lacks what vCenter requires (an address range).',
  'format/supervisor-management-network': 'The Supervisor’s management network or start address is unknown.',
  'format/supervisor-workload-network': 'A workload network needs a port group with an IPv4 subnet.',
  // NSX-T Policy API (formats.md §8)
  'format/nsxt-ncp-managed': 'NCP creates this Tier-1 and its segments; no request is exported for them.',
  'format/nsxt-route': 'A static route without a valid prefix or next hop is not exported.',
  'format/nsxt-segment-dhcp': 'No free address for the segment’s DHCP server.',
  'format/nsxt-segment-gateway': 'A segment needs a subnet and a gateway for gateway_address.',
  // TanzuKubernetesCluster (formats.md §7)
  'format/tkc-storage-class': 'No storage class (required by the CRD).',
  // TKG cluster configs (formats.md §2.4)
  'format/tkg-avi-per-cluster': 'A workload cluster wants other NSX-ALB settings: it gets its own AKODeploymentConfig.',
  'format/tkg-cni': 'The CNI is not one TKG accepts (antrea, calico, none).',
  'format/tkg-service-cidr-too-large': 'SERVICE_CIDR has more than 20 host bits.',
  'format/tkg-vsphere-value-missing': 'A vSphere value ytt requires is not in the design; the file has a placeholder.',
  // Import
  'import/aci-subnet-overlap': 'Subnets of an acc-provision input overlap (acc-provision rejects it).',
  'import/bad-value': 'A known key has a value of the wrong kind: the key, the value and what is expected.',
  'import/bad-zip': 'A zip file that cannot be read.',
  'import/bundle-without-topology': 'A zip that is not a Viplane bundle (no topology.json).',
  'import/cluster-role': 'Why a TKG config was read as a management or a workload cluster.',
  'import/cluster-unknown': 'The cluster AKO runs in is not among the files.',
  'import/conflict': 'A file changes a value the design or an earlier file gave: both values.',
  'import/default-applied': 'A key the file leaves out gets the real tool’s documented default.',
  'import/deprecated': 'A deprecated field is read as its successor.',
  'import/derived-file': 'A file derived from another (an AKODeploymentConfig) is skipped.',
  'import/dual-stack': 'A dual-stack value: the design models the first family; the whole value is kept.',
  'import/empty': 'The file is empty: nothing to read.',
  'import/extra-documents': 'Only the first YAML document of the file is read.',
  'import/fqdn': 'A name where the design holds an address: the address is unknown, the name kept.',
  'import/ignored': 'A section that is not design (a running cluster’s status) is not read.',
  'import/incomplete-pair': 'Half of a NAME/CIDR pair that TKG uses only whole.',
  'import/invalid-result': 'The importer built something the schema refuses (a bug; nothing is returned).',
  'import/invalid-topology': 'A topology document fails restore(): JSON path, message and value.',
  'import/limit': 'A file over an input limit (YAML nesting or aliases, zip entries or expanded size): the limit and the value.',
  'import/legacy-key': 'A key of an older chart is read as its successor.',
  'import/management-cluster-unknown': 'Which management cluster a workload cluster belongs to is unknown.',
  'import/missing-value': 'A value the format requires is missing.',
  'import/not-a-mapping': 'The file is not the mapping its format is.',
  'import/other-document': 'A YAML document of another kind in the file is not read.',
  'import/placeholder': '<PLACEHOLDER> values are read as unknown.',
  'import/secret-dropped': 'Credentials in the file are not kept.',
  'import/simplified': 'A list the design models with its first item; the whole list is kept.',
  'import/syntax': 'Not valid JSON or YAML: line and column.',
  'import/too-large': 'A file over the size limit.',
  'import/topology-merge': 'A topology document cannot be merged into another design.',
  'import/unknown-format': 'A file of no format Viplane imports.',
  'import/unknown-key': 'A key the format does not define (with the likely meant key); kept, not applied.',
};
