/** Links: the edges of the canvas that are more than a reference (they carry an address). */
import { Type, type Static } from '@sinclair/typebox';
import { Id, MaybeIp, strict } from './common.ts';

export const NicRole = Type.Union([
  Type.Literal('management'),
  Type.Literal('data'),
  Type.Literal('workload'),
  Type.Literal('frontend'),
  Type.Literal('routed'),
  Type.Literal('uplink'),
]);
export type NicRole = Static<typeof NicRole>;

export const Link = strict({
  id: Id,
  /**
   * `nic`: an interface of `from` on network `to` (address may come from a pool: `null`).
   * `leaf`: a cabled uplink between ACI switches.
   */
  kind: Type.Union([Type.Literal('nic'), Type.Literal('leaf')]),
  from: Id,
  to: Id,
  role: NicRole,
  address: MaybeIp,
  addressMode: Type.Union([Type.Literal('static'), Type.Literal('dhcp'), Type.Literal('pool')]),
  /** The interface's gateway (HAProxy has one per NIC); `null` when none is set. */
  gateway: MaybeIp,
});
export type Link = Static<typeof Link>;
