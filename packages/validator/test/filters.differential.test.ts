/**
 * Firewall and router ACL evaluation (routing/filters.ts: evaluatePath, shadowedRules) against an
 * independent oracle: test/differential/filter_oracle.py implements first match per protocol and
 * port, the firewall's default deny, the router's implicit deny only with a non-empty ACL, and "an
 * earlier rule covers every packet of this one" from the docs with Python's stdlib `ipaddress` (ports
 * checked one by one over elementary pieces, rule sides as merged interval unions).
 * Both run on seeded random rule lists and flows (concrete ones and a few address / port spans)
 * (generators/filterCases.ts) and must give the same decision (action and rule number) per flow and
 * the same shadowed rules (and by which rule) per list. A set flow passes only when every packet of it
 * does (every source to every destination on every port; from clients, some source is enough): the
 * oracle enumerates the elementary pieces of each side, the validator subtracts boxes.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { restore } from '@viplane/model';
import { getTemplate } from '@viplane/templates';
import { describe, expect, it } from 'vitest';
import { evaluatePath, lower, shadowedRules, type FlowTuple } from '../src/index.ts';
import { spansCover, type Span } from '../src/routing/addressSets.ts';
import { filterOf } from '../src/routing/filters.ts';
import { FIREWALL_ID, NETWORKS, ROUTER_ID, randomFilterCase, type AddressSpan } from './generators/filterCases.ts';

const CASES = 300;
const SEED = 2026_1208;
const oracle = fileURLToPath(new URL('./differential/filter_oracle.py', import.meta.url));

const probe = spawnSync('python3', ['-c', 'import ipaddress, json, re, sys'], { encoding: 'utf8' });
if (probe.error !== undefined || probe.status !== 0) throw new Error('python3 with the ipaddress module is needed for this test');

const spans = (list: readonly AddressSpan[]): Span[] => list.map(({ family, first, last }) => ({ family, first, last }) as Span);

interface Outcome {
  fw: string[];
  rt: string[];
  fwShadow: string[];
  rtShadow: string[];
}

describe('firewall / ACL evaluation against the Python oracle', () => {
  it(`agree on decisions and shadowed rules for ${CASES} seeded random rule lists`, () => {
    const template = getTemplate('seed000-1net')!.build();
    const cases = Array.from({ length: CASES }, (_, i) => randomFilterCase(SEED + i, template));

    const counts = { setDenied: 0, clientAllowed: 0, jointAllow: 0 };
    const ours: Outcome[] = cases.map((c) => {
      // Only designs a user can make: the document must restore.
      const restored = restore(c.doc);
      if (!restored.ok) throw new Error(`generated document does not restore: ${JSON.stringify(restored)}`);
      const model = lower(restored.document);
      const decide = (id: string) =>
        c.flows.map((f) => {
          const tuple: FlowTuple = { sources: spans(f.sources), sourcesAll: f.sourcesAll, destinations: spans(f.destinations), protocol: f.protocol, ports: f.ports };
          const decisions = evaluatePath(model, [id], tuple);
          if (decisions.length === 0) return 'none';
          const d = decisions[0]!;
          // What the other source semantics gives: where the two differ, the set question was decisive.
          const other = evaluatePath(model, [id], { ...tuple, sourcesAll: !f.sourcesAll })[0]!;
          if (f.sourcesAll && d.action === 'deny' && d.ruleNumber > 0 && other.action === 'allow') counts.setDenied++;
          if (!f.sourcesAll && d.action === 'allow' && other.action === 'deny') counts.clientAllowed++;
          if (d.action === 'allow' && f.sourcesAll) {
            // Allowed, but the deciding rule alone does not hold the whole flow: several allows cover it together.
            const rule = filterOf(model, id)!.rules[d.ruleNumber - 1]!;
            if (!spansCover(rule.sources, tuple.sources) || !spansCover(rule.destinations, tuple.destinations)) counts.jointAllow++;
          }
          return `${d.action}|${d.ruleNumber}`;
        });
      const shadow = (list: typeof c.firewall) => shadowedRules(model, list).map((s) => `${s.number}<${s.byNumber}`);
      return { fw: decide(FIREWALL_ID), rt: decide(ROUTER_ID), fwShadow: shadow(c.firewall), rtShadow: shadow(c.router) };
    });

    const input = {
      networks: Object.fromEntries(NETWORKS.map((n) => [n.id, { kind: n.kind, subnet: n.subnet }])),
      cases: cases.map((c) => ({
        fw: c.firewall,
        rt: c.router,
        tuples: c.flows.map((f) => ({
          sources: f.sources.map((x) => x.text),
          sourcesAll: f.sourcesAll,
          destinations: f.destinations.map((x) => x.text),
          protocol: f.protocol,
          ports: f.ports?.map((p) => [p.first, p.last]) ?? null,
        })),
      })),
    };
    const run = spawnSync('python3', [oracle], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status, run.stderr).toBe(0);
    const theirs = JSON.parse(run.stdout) as Outcome[];
    expect(theirs).toHaveLength(CASES);

    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const a = ours[i]!;
      const b = theirs[i]!;
      const show = (list: typeof c.firewall) =>
        list
          .map(
            (r, k) =>
              `    ${k + 1} ${r.action} ${JSON.stringify(r.sources)} -> ${JSON.stringify(r.destinations)} ${r.protocol} ${JSON.stringify(r.ports)}`,
          )
          .join('\n');
      for (const [key, list] of [
        ['fwShadow', c.firewall],
        ['rtShadow', c.router],
      ] as const)
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
          disagreements.push(`#${i} ${key}: validator ${JSON.stringify(a[key])}, oracle ${JSON.stringify(b[key])}\n${show(list)}`);
      for (const [key, list] of [
        ['fw', c.firewall],
        ['rt', c.router],
      ] as const)
        c.flows.forEach((f, k) => {
          if (a[key][k] !== b[key][k])
            disagreements.push(
              `#${i} ${key} ${f.sources.map((x) => x.text).join(',')} -> ${f.destinations.map((x) => x.text).join(',')} ${f.protocol} ${JSON.stringify(f.ports)}: validator ${a[key][k]}, oracle ${b[key][k]}\n${show(list)}`,
            );
        });
    });

    // Every kind of outcome must be exercised, or agreement means nothing.
    const decisions = ours.flatMap((o) => [...o.fw, ...o.rt]);
    expect(decisions.some((d) => d.startsWith('allow|'))).toBe(true);
    expect(decisions.some((d) => /^deny\|[1-9]/.test(d))).toBe(true);
    expect(decisions.filter((d) => d === 'deny|0').length).toBeGreaterThan(0);
    expect(decisions).toContain('none');
    expect(ours.flatMap((o) => [...o.fwShadow, ...o.rtShadow]).length).toBeGreaterThan(CASES / 3);
    // The address-set questions: a set denied though part of it is allowed, clients allowed though only
    // some get through, a set allowed by several rules together.
    expect(counts.setDenied, JSON.stringify(counts)).toBeGreaterThan(CASES / 5);
    expect(counts.clientAllowed, JSON.stringify(counts)).toBeGreaterThan(CASES / 5);
    expect(counts.jointAllow, JSON.stringify(counts)).toBeGreaterThan(CASES / 10);
    expect(disagreements.slice(0, 6).join('\n'), `${disagreements.length} disagreements`).toBe('');
  }, 120_000);
});
