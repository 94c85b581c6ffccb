/** Palette and node presentation of each element kind (monogram glyphs, short descriptions). */
import { elementSchemas, kindInfo, systems, type ElementKind, type SystemId } from '@viplane/model';

export const GLYPH: Record<ElementKind, string> = {
  vcenter: 'VC',
  portGroup: 'PG',
  router: 'L3',
  firewall: 'FW',
  clientNetwork: 'CLI',
  aviController: 'AVI',
  seGroup: 'SE',
  virtualService: 'VS',
  aviDnsVs: 'DNS',
  haproxy: 'HAP',
  tkgCluster: 'TKG',
  k8sCluster: 'K8S',
  supervisor: 'SUP',
  workloadNetwork: 'WLN',
  vsphereNamespace: 'NS',
  tkc: 'TKC',
  ako: 'AKO',
  nsxtTier0: 'T0',
  nsxtTier1: 'T1',
  nsxtSegment: 'SEG',
  aciFabric: 'ACI',
  aciSwitch: 'LF',
};

/** Palette order of the systems (follows how designs are usually drawn: underlay first). */
export const SYSTEM_ORDER: readonly SystemId[] = ['physical', 'vsphere', 'nsx-alb', 'haproxy', 'tkg', 'tanzu', 'kubernetes', 'nsxt', 'aci'];

export function kindDescription(kind: ElementKind): string {
  const schema = elementSchemas[kind] as unknown as { description?: string };
  return schema.description ?? kindInfo[kind].label;
}

export function kindsBySystem(): { system: SystemId; title: string; kinds: ElementKind[] }[] {
  return SYSTEM_ORDER.map((system) => ({
    system,
    title: systems[system],
    kinds: (Object.keys(kindInfo) as ElementKind[]).filter((k) => kindInfo[k].system === system),
  })).filter((g) => g.kinds.length > 0);
}

export const sysVar = (system: SystemId) => `var(--sys-${system})`;
