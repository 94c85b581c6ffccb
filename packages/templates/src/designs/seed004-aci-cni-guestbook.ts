/**
 * Seed 004 (`/work/shared/seeds/004_f94c4a1ae205e5a5.txt`, digest `docs/seeds/004.md` §3): a Kubernetes
 * cluster with the Cisco ACI CNI - nodes k8sv1 (where kubectl runs), k8sv2 and k8sv3 (L100, L154, L165);
 * namespace gb mapped to tenant k8s_demo2 / app profile kubernetes / EPG gb (L100-116); the guestbook
 * services frontend (LoadBalancer, EXTERNAL-IP 192.168.51.5), redis-master and redis-slave (L137-142).
 * One cluster = one VRF, external traffic through an L3Out whose external EPGs hold the external IP as
 * a host route and 0.0.0.0/0, with a PBR service graph to the nodes running the pods (L144-152); the
 * AEP must have "Enable Infrastructure VLAN" (L53); the VMs' trunk port group comes from the VMM
 * integration (L45).
 *
 * [assumed] - the seed prints no acc-provision input (digest §3.2): system_id k8s_demo2, APIC 10.0.0.1,
 * VRF k8s_demo2_vrf, L3Out k8s_demo2_l3out with external network k8s_demo2_extepg, AEP k8s_demo2_aep,
 * VMM domain k8s_demo2, infra VLAN 3967, kube-api VLAN 4001, service VLAN 4003, node subnet 10.1.0.1/16,
 * pod subnet 10.2.0.1/16, extern_dynamic 192.168.51.1/24, extern_static 192.168.52.1/24, node service
 * subnet 10.5.0.1/24, service CIDR 10.151.0.0/16 (holds the seed's ClusterIPs), node IPs
 * 10.1.0.11-13, k8sv1 as the control plane, leaves 101/102 and spine 201, k8sv1-2 on leaf 101 and k8sv3 on
 * leaf 102, the trunk port group name k8s_demo2 on the kube-api VLAN.
 */
import { DesignBuilder, type TopologyDocument } from '@viplane/model';
import { summary } from './common.ts';
import { el, mutation } from '../edit.ts';
import type { Template } from '../template.ts';

const id = 'seed004-aci-cni-guestbook';
const title = 'Cisco ACI CNI: guestbook with an External-IP LoadBalancer';
const text = summary(
  'Three nodes (k8sv1-3) on ACI leaves with the ACI CNI (OpFlex + OVS, VXLAN on the infra VLAN); tenant k8s_demo2, EPG gb; service frontend external IP 192.168.51.5 via L3Out + PBR.',
  'Seed 004: works with ACI alone (no external LB); the AEP must enable the infrastructure VLAN and nodes must sit on leaves or the VMM trunk port group.',
);

const ID = {
  fabric: 'aci-fabric',
  nodeNet: 'k8s-node-network',
  cluster: 'k8s-cluster',
  leaf101: 'leaf-101',
  leaf102: 'leaf-102',
  spine: 'spine-201',
} as const;

function build(): TopologyDocument {
  const b = new DesignBuilder({ name: title, description: text, environment: 'lab', origin: id });
  b.add(
    'aciFabric',
    'k8s_demo2',
    {
      apicHosts: ['10.0.0.1'],
      systemId: 'k8s_demo2',
      tenant: 'k8s_demo2',
      vrf: { name: 'k8s_demo2_vrf', tenant: 'k8s_demo2' },
      l3out: { name: 'k8s_demo2_l3out', externalNetworks: ['k8s_demo2_extepg'] },
      aep: 'k8s_demo2_aep',
      infraVlanEnabled: true,
      vmmDomain: 'k8s_demo2',
      infraVlan: 3967,
      kubeApiVlan: 4001,
      serviceVlan: 4003,
      nodeSubnet: '10.1.0.1/16',
      podSubnet: '10.2.0.1/16',
      externDynamic: '192.168.51.1/24',
      externStatic: '192.168.52.1/24',
      nodeServiceSubnet: '10.5.0.1/24',
    },
    { id: ID.fabric },
  );
  b.add('aciSwitch', 'leaf-101', { fabricId: ID.fabric, role: 'leaf', nodeId: 101 }, { id: ID.leaf101 });
  b.add('aciSwitch', 'leaf-102', { fabricId: ID.fabric, role: 'leaf', nodeId: 102 }, { id: ID.leaf102 });
  b.add('aciSwitch', 'spine-201', { fabricId: ID.fabric, role: 'spine', nodeId: 201 }, { id: ID.spine });
  b.cable(ID.leaf101, ID.spine);
  b.cable(ID.leaf102, ID.spine);

  b.add(
    'portGroup',
    'k8s_demo2',
    { vlan: 4001, subnet: '10.1.0.0/16', gateway: '10.1.0.1', dhcp: false, albRegistered: false, ranges: [] },
    { id: ID.nodeNet },
  );
  b.add(
    'k8sCluster',
    'k8s_demo2',
    {
      nodeNetworkId: ID.nodeNet,
      nodes: [
        { id: 'k8sv1', name: 'k8sv1', role: 'control-plane', address: '10.1.0.11', leafId: ID.leaf101 },
        { id: 'k8sv2', name: 'k8sv2', role: 'worker', address: '10.1.0.12', leafId: ID.leaf101 },
        { id: 'k8sv3', name: 'k8sv3', role: 'worker', address: '10.1.0.13', leafId: ID.leaf102 },
      ],
      podCidr: '10.2.0.0/16',
      serviceCidr: '10.151.0.0/16',
      cni: 'aci',
      aciFabricId: ID.fabric,
    },
    { id: ID.cluster },
  );
  b.add(
    'virtualService',
    'gb/frontend',
    { loadBalancerId: null, vipNetworkId: null, address: '192.168.51.5', backendClusterId: ID.cluster, port: 80 },
    { id: 'vs-frontend' },
  );
  const doc = b.build();
  const vs = doc.elements.find((e) => e.id === 'vs-frontend');
  if (vs)
    vs.notes =
      'Served by the ACI fabric: host route 192.168.51.5/32 in one external EPG of the L3Out, contract with a PBR service graph to the external EPG 0.0.0.0/0, redirect to the nodes running the pods (k8sv2, then k8sv3 after scaling to 2). ClusterIPs: frontend 10.151.202.87, redis-master 10.151.84.56, redis-slave 10.151.126.126.';
  return doc;
}

export const seed004AciCniGuestbook: Template = {
  id,
  title,
  seed: '004',
  summary: text,
  build,
  expectedWarnings: [],
  mutations: [
    mutation({
      id: 'second-cluster-same-vrf-same-pod-subnet',
      title: 'A second cluster k8s_demo3 in the VRF k8s_demo2_vrf with the same pod subnet 10.2.0.1/16',
      seedSays: 'In ACI one Kubernetes cluster is one VRF (L144): a cluster sharing the VRF needs subnets of its own.',
      ruleId: 'aci/shared-vrf-overlap',
      targets: [ID.fabric, 'aci-fabric-3', ID.cluster, 'k8s-demo3'],
      change: (doc) => {
        const fabric = el(doc, ID.fabric, 'aciFabric');
        doc.elements.push(
          {
            ...fabric,
            id: 'aci-fabric-3',
            name: 'k8s_demo3 (acc-provision)',
            position: { x: fabric.position.x, y: fabric.position.y + 200 },
            props: {
              ...fabric.props,
              systemId: 'k8s_demo3',
              nodeSubnet: '10.11.0.1/16',
              nodeServiceSubnet: '10.15.0.1/24',
              externDynamic: '192.168.61.1/24',
              externStatic: '192.168.62.1/24',
            },
          },
          {
            id: 'k8s-demo3',
            kind: 'k8sCluster',
            name: 'k8s_demo3',
            position: { x: 0, y: 600 },
            props: {
              nodeNetworkId: null,
              nodes: [],
              podCidr: '10.2.0.0/16',
              serviceCidr: '10.161.0.0/16',
              cni: 'aci',
              aciFabricId: 'aci-fabric-3',
            },
          },
        );
      },
    }),
    mutation({
      id: 'aep-infra-vlan-off',
      title: 'AEP without "Enable Infrastructure VLAN"',
      seedSays:
        'VXLAN between the fabric and the nodes runs on the infra VLAN, so the AEP must enable it for bare-metal and VM nodes alike (L53).',
      ruleId: 'aci/infra-vlan-disabled',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.infraVlanEnabled = false;
      },
    }),
    mutation({
      id: 'node-not-on-fabric',
      title: 'Node k8sv3 attached to no leaf',
      seedSays: 'Nodes are bare metal on ACI leaves or VMs on the trunk port group created by the VMM integration (L45).',
      ruleId: 'aci/node-not-attached',
      targets: [ID.cluster, 'k8sv3'],
      change: (doc) => {
        const node = el(doc, ID.cluster, 'k8sCluster').props.nodes.find((n) => n.id === 'k8sv3');
        if (!node) throw new Error('no node k8sv3');
        node.leafId = null;
      },
    }),
    mutation({
      id: 'no-l3out',
      title: 'No L3Out',
      seedSays:
        'All external traffic of the cluster goes through the L3Out; the External-IP load balancing is built on its external EPGs (L144, L148).',
      ruleId: 'aci/no-l3out',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.l3out = null;
      },
    }),
    mutation({
      id: 'pod-subnet-overlaps-node',
      title: 'Pod subnet 10.1.0.1/16, the node subnet',
      seedSays: 'Pods are ACI endpoints next to the nodes (L37, L41); their subnets must differ (acc-provision rejects an overlap).',
      ruleId: 'aci/subnet-overlap',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.podSubnet = '10.1.0.1/16';
      },
    }),
    mutation({
      id: 'extern-overlaps-node-svc',
      title: 'extern_static 10.5.0.1/24, the node service subnet',
      seedSays: "External IPs and the nodes' PBR service addresses are different things (L148, L152); their subnets must not overlap.",
      ruleId: 'aci/subnet-overlap',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.externStatic = '10.5.0.1/24';
      },
    }),
    mutation({
      id: 'vlan-reuse',
      title: 'Service VLAN = kube-api VLAN 4001',
      seedSays: 'The node network, the PBR service network and the infra VLAN are separate VLANs on the trunk (L45, L53).',
      ruleId: 'aci/vlan-invalid',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.serviceVlan = 4001;
      },
    }),
    mutation({
      id: 'vlan-out-of-range',
      title: 'Infra VLAN 5000',
      seedSays: 'The infra VLAN is an 802.1Q VLAN (L53): 1-4094.',
      ruleId: 'aci/vlan-invalid',
      targets: [ID.fabric],
      change: (doc) => {
        el(doc, ID.fabric, 'aciFabric').props.infraVlan = 5000;
      },
    }),
    mutation({
      id: 'service-cidr-overlaps-pods',
      title: 'Service CIDR 10.2.0.0/16, the pod subnet',
      seedSays: 'OVS NATs external IP <-> pod IP and ClusterIPs are separate from pod IPs (L148); the ranges must not overlap.',
      ruleId: 'ipam/cluster-cidr-overlap',
      targets: [ID.cluster],
      change: (doc) => {
        el(doc, ID.cluster, 'k8sCluster').props.serviceCidr = '10.2.0.0/16';
      },
    }),
  ],
};
