/**
 * Handle roles: every connection on the canvas starts at a typed handle of its source
 * element (management, data/VIP, workload, frontend, routed, uplink, leaf, member) and ends
 * on the target element. The roles come from the model's reference table (each reference
 * field has a canvas role) and from the NIC roles a NIC holder can have.
 */
import { networkKinds, nicHolders, referenceFields, type ElementKind, type NicRole, type ReferenceField } from '@viplane/model';

export type HandleRole = ReferenceField['role'] | 'routed';

export const ROLE_ORDER: readonly HandleRole[] = ['management', 'data', 'workload', 'frontend', 'routed', 'uplink', 'leaf', 'member'];

export const ROLE_LABEL: Record<HandleRole, string> = {
  management: 'Management',
  data: 'Data / VIP',
  workload: 'Workload',
  frontend: 'Frontend',
  routed: 'Routed (SVI)',
  uplink: 'Uplink',
  leaf: 'Leaf cable',
  member: 'Member of',
};

/** NIC roles each holder offers on the canvas (the link schema allows more; restore accepts them). */
export const NIC_ROLES: Partial<Record<ElementKind, readonly NicRole[]>> = {
  router: ['routed'],
  aviController: ['management'],
  seGroup: ['management', 'data'],
  haproxy: ['management', 'workload', 'frontend'],
  nsxtTier0: ['uplink'],
  supervisor: ['management', 'workload'],
};

const cache = new Map<ElementKind, readonly HandleRole[]>();

/** The source handles of a kind, in canvas order. */
export function handleRoles(kind: ElementKind): readonly HandleRole[] {
  let roles = cache.get(kind);
  if (!roles) {
    const set = new Set<HandleRole>();
    for (const r of NIC_ROLES[kind] ?? []) set.add(r as HandleRole);
    for (const f of referenceFields[kind] ?? []) set.add(f.role);
    if (kind === 'aciSwitch') set.add('leaf');
    roles = ROLE_ORDER.filter((r) => set.has(r));
    cache.set(kind, roles);
  }
  return roles;
}

export function isNetworkKind(kind: ElementKind): boolean {
  return networkKinds.includes(kind);
}

export function isNicHolderKind(kind: ElementKind): boolean {
  return nicHolders.includes(kind);
}

export const sourceHandleId = (role: string) => `out:${role}`;
export const TARGET_HANDLE_ID = 'in';

export function roleOfHandle(handleId: string | null | undefined): HandleRole | null {
  if (!handleId || !handleId.startsWith('out:')) return null;
  const role = handleId.slice(4) as HandleRole;
  return ROLE_ORDER.includes(role) ? role : null;
}
