/** The physical network around the virtual one (seed 000): L3 switches and client networks. */
import { Type } from '@sinclair/typebox';
import { MaybeCidr, MaybeIp, Route, strict, element } from './common.ts';

export const Router = element(
  'router',
  strict({
    /** Interfaces are `nic` links (role `routed`) to the networks it routes between. */
    staticRoutes: Type.Array(Route, { maxItems: 10_000 }),
    routingDomain: Type.String({ maxLength: 64, default: 'default' }),
  }),
  'L3 switch or router with an interface (SVI) per connected network',
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
