/** The physical network around the virtual one (seed 000): L3 switches, firewalls and client networks. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, MaybeCidr, MaybeIp, Route, strict, element } from './common.ts';

/**
 * One filter rule, shared by firewalls and router ACLs. Source and destination list CIDRs,
 * single addresses or element ids (a network, cluster, SE group, Controller… stands for its
 * addresses); an empty list means any. Ports: `any`, `443`, `30000-32767` or `22,443,8443`.
 */
export const FilterRule = Type.Object(
  {
    id: Id,
    action: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    sources: Type.Array(Type.String({ maxLength: 256 }), { maxItems: 256 }),
    destinations: Type.Array(Type.String({ maxLength: 256 }), { maxItems: 256 }),
    protocol: Type.Union([Type.Literal('any'), Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('icmp')]),
    ports: Type.String({ maxLength: 256, default: 'any' }),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type FilterRule = Static<typeof FilterRule>;

export const Router = element(
  'router',
  strict({
    /** Interfaces are `nic` links (role `routed`) to the networks it routes between. */
    staticRoutes: Type.Array(Route, { maxItems: 10_000 }),
    routingDomain: Type.String({ maxLength: 64, default: 'default' }),
    /**
     * An ACL applied to traffic routed through the router, first match wins. Empty: the router
     * filters nothing; non-empty: an implicit deny follows the last entry, as on real ACLs.
     */
    acl: Type.Array(FilterRule, { maxItems: 10_000 }),
  }),
  'L3 switch or router with an interface (SVI) per connected network',
);

/**
 * A stateful firewall that routes between its interfaces (like a router) and filters what it
 * forwards: an ordered rule list, first match wins, default deny. Return traffic of an allowed
 * connection is implicit (stateful), so rules list only the initiator's direction.
 */
export const Firewall = element(
  'firewall',
  strict({
    /** Interfaces are `nic` links (role `routed`) to the networks it sits between. */
    staticRoutes: Type.Array(Route, { maxItems: 10_000 }),
    routingDomain: Type.String({ maxLength: 64, default: 'default' }),
    rules: Type.Array(FilterRule, { maxItems: 10_000 }),
  }),
  'Stateful firewall between networks: ordered rules, first match wins, default deny',
);

export const ClientNetwork = element(
  'clientNetwork',
  strict({
    /** `null`: clients anywhere (the internet, unknown networks). */
    subnet: MaybeCidr,
    gateway: MaybeIp,
    routingDomain: Type.String({ maxLength: 64, default: 'default' }),
  }),
  'Network where the users of published applications sit',
);
