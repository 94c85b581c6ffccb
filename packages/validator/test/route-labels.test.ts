/**
 * Avi VRF static-route labels (issue 11 §3, "no false positives"): two SE groups with their own default
 * routes in one VRF are valid; each SE group's data VRF holds the routes that apply to it, and a trace takes
 * the route whose next hop resolves, never one behind an unresolvable next hop when another one resolves.
 */
import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';
import { lower } from '../src/l3/lower.ts';
import { trace } from '../src/routing/trace.ts';
import { validate } from '../src/index.ts';
import { seed003TwoSeGroups } from './fixtures/twoSeGroups.ts';

const one = [{ key: 'segroup', value: 'default' }];
const two = [{ key: 'segroup', value: 'two' }];
const labelled = seed003TwoSeGroups({ firstRoute: one, firstGroup: one, secondRoute: two, secondGroup: two });
const routingErrors = (doc: Parameters<typeof validate>[0]) =>
  validate(doc)
    .filter((d) => d.ruleId.startsWith('routing/') && d.severity === 'error')
    .map((d) => `${d.ruleId} [${d.targets.map((t) => t.id).join(', ')}]`);
const defaults = (doc: Parameters<typeof lower>[0], seId: string) =>
  lower(doc)
    .hostById.get(seId)!
    .vrfs.find((v) => v.name === 'global')!
    .routes.filter((r) => r.origin === 'static')
    .map((r) => r.sourceId);

describe('VRF static-route labels', () => {
  it('labelled documents pass the schema', () => {
    const r = restore(labelled.doc);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("each SE group's data VRF holds only the routes that apply to it", () => {
    expect(defaults(labelled.doc, labelled.ids.se)).toEqual(['data-default']);
    expect(defaults(labelled.doc, 'se-2')).toEqual(['data-default-2']);
    // Unlabelled routes apply to every group; a labelled route to no group without the labels.
    const unlabelled = seed003TwoSeGroups();
    expect(defaults(unlabelled.doc, 'se-2')).toEqual(['data-default', 'data-default-2']);
    const unlabelledGroups = seed003TwoSeGroups({ firstRoute: one, secondRoute: two });
    expect(defaults(unlabelledGroups.doc, 'se-2')).toEqual([]);
  });

  it('two SE groups with their own labelled default routes in one VRF: no routing error', () => {
    expect(routingErrors(labelled.doc)).toEqual([]);
  });

  it('the same routes without labels: still no error (each SE group uses the default whose next hop it reaches)', () => {
    expect(routingErrors(seed003TwoSeGroups().doc)).toEqual([]);
    expect(routingErrors(seed003TwoSeGroups({ secondFirst: true }).doc)).toEqual([]);
  });

  it('both defaults labelled for Default-Group: se-2 has no default route, and Default-Group uses the one it reaches', () => {
    const errors = routingErrors(seed003TwoSeGroups({ firstRoute: one, firstGroup: one, secondRoute: one }).doc);
    expect(errors.filter((e) => e.startsWith('routing/no-default-gateway'))).toEqual([expect.stringContaining('se-2')]);
    expect(errors.filter((e) => e.startsWith('routing/next-hop-not-connected'))).toEqual([]);
  });

  it('a route no SE group can use is still reported for the group it applies to', () => {
    const errors = routingErrors(seed003TwoSeGroups({ firstRoute: two, firstGroup: one, secondRoute: one }).doc);
    expect(errors).toContain(`routing/next-hop-not-connected [avi-controller, data-default-2, ${labelled.ids.se}]`);
  });

  it('a trace takes the default whose next hop resolves, whatever the order', () => {
    for (const secondFirst of [false, true]) {
      const { doc, ids } = seed003TwoSeGroups({ secondFirst });
      const model = lower(doc);
      for (const [se, via] of [
        [ids.se, '172.16.251.254'],
        ['se-2', '172.16.252.254'],
      ] as const) {
        const result = trace(model, { elementId: se, vrf: 'global' }, { elementId: ids.clients });
        expect(result.delivered, JSON.stringify(result)).toBe(true);
        expect(result.hops[0]!.route?.nextHop).toBe(via);
      }
    }
  });
});
