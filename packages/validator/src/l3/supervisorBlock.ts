/**
 * The Supervisor's management addresses, one definition for every rule (ipam/duplicate-ip,
 * ipam/pool-exhausted through the held set, supervisor/control-plane-ips): from its management start
 * address it takes one address per control-plane VM, the control plane's floating address, and one
 * spare for the VM that replaces another during an upgrade. With vSphere's 3 control-plane VMs that is
 * the "5 consecutive IP addresses" of the Supervisor enablement wizard (seed 002 digest §3).
 */
export const EXTRA_MANAGEMENT_ADDRESSES = 2;

export function managementBlockSize(controlPlaneCount: number): number {
  return Math.max(0, controlPlaneCount) + EXTRA_MANAGEMENT_ADDRESSES;
}
