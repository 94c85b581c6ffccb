/** Does the design filter anything (a firewall, or a router with an ACL)? Flow rules cost nothing otherwise. */
import type { L3Model } from '../../l3/model.ts';

export function hasFilters(model: L3Model): boolean {
  return model.ofKind('firewall').length > 0 || model.ofKind('router').some((r) => r.props.acl.length > 0);
}
