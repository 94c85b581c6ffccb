/**
 * Building blocks shared by every element schema.
 *
 * Addresses are plain strings here on purpose: a malformed CIDR is a design mistake the
 * validator reports (`ipam/invalid-cidr`) with the element it belongs to, not a reason to
 * refuse the whole document. The schema only bounds their size.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const MAX_NAME = 256;
export const MAX_ADDRESS = 64;

export const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$',
  description: 'Stable element id, unique in the document',
});
export type Id = Static<typeof Id>;

/** A reference to another element; `null` = not connected yet. */
export const Ref = Type.Union([Id, Type.Null()]);
export type Ref = Static<typeof Ref>;

export const Name = Type.String({ maxLength: MAX_NAME });

/** The descriptions mark address fields in the schema, so tools (the diff, the inspector) can find them. */
export const IP_DESCRIPTION = 'IPv4 or IPv6 address';
export const CIDR_DESCRIPTION = 'CIDR with host bits clear';
/** An IPv4/IPv6 address, e.g. `192.168.48.1`. */
export const Ip = Type.String({ maxLength: MAX_ADDRESS, description: IP_DESCRIPTION });
/** A network in CIDR form with host bits clear, e.g. `192.168.48.0/22`. */
export const Cidr = Type.String({ maxLength: MAX_ADDRESS, description: CIDR_DESCRIPTION });
/** Unknown values stay explicit (`null`) so imports never invent data. */
export const MaybeIp = Type.Union([Ip, Type.Null()]);
export const MaybeCidr = Type.Union([Cidr, Type.Null()]);

export const Vlan = Type.Union([Type.Integer({ description: '802.1Q VLAN id' }), Type.Null()]);

export const Count = Type.Integer({ minimum: 0, maximum: 100_000 });

export const Position = Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false });
export type Position = Static<typeof Position>;

/** A static route. `nextHop: null` means a discard (blackhole) route. */
export const Route = Type.Object({ id: Id, prefix: Cidr, nextHop: MaybeIp }, { additionalProperties: false });
export type Route = Static<typeof Route>;

export const RangePurpose = Type.Union(
  [
    Type.Literal('se-pool'),
    Type.Literal('vip-pool'),
    Type.Literal('se-vip-pool'),
    Type.Literal('dhcp'),
    Type.Literal('node'),
    Type.Literal('workload'),
    Type.Literal('reserved'),
  ],
  { description: 'What the addresses of the range are for' },
);
export type RangePurpose = Static<typeof RangePurpose>;

/** An inclusive address range `start`–`end` on the network that declares it. */
export const AddressRange = Type.Object({ id: Id, purpose: RangePurpose, start: Ip, end: Ip }, { additionalProperties: false });
export type AddressRange = Static<typeof AddressRange>;

/**
 * Props an import could not learn from its files (a port group's subnet when a config names only
 * the port group): dotted paths into `props` (as in references.ts), e.g. `subnet`, `endpoint.address`. The
 * value in `props` is a neutral stand-in (`null`, `[]`); rules do not judge an unknown field, the
 * validator reports it as info and the inspector asks for it. Editing the field clears the mark.
 */
export const UnknownFields = Type.Array(Type.String({ maxLength: 128 }), { maxItems: 64, uniqueItems: true });

/**
 * Settings from an imported file that the design does not model (TKG `ENABLE_MHC`, AKO
 * `AKOSettings.logLevel`), keyed by their path in that file's format, so nothing a file said is lost;
 * the element's exporter writes them back. Never secrets: importers drop those.
 */
export const Extras = Type.Record(Type.String({ maxLength: 256 }), Type.Unknown(), { maxProperties: 1000 });

/**
 * Every element shares id, kind, name and canvas position. `props` is each kind's own data.
 * Keeping positions in the document makes a shared link show the same picture.
 */
export function element<K extends string, P extends TSchema>(kind: K, props: P, description: string) {
  return Type.Object(
    {
      id: Id,
      kind: Type.Literal(kind),
      name: Name,
      position: Position,
      notes: Type.Optional(Type.String({ maxLength: 4096 })),
      props,
      unknown: Type.Optional(UnknownFields),
      extras: Type.Optional(Extras),
    },
    { additionalProperties: false, $id: kind, title: kind, description },
  );
}

export function strict<T extends Parameters<typeof Type.Object>[0]>(properties: T) {
  return Type.Object(properties, { additionalProperties: false });
}
