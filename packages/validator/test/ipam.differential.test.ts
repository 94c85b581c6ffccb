/**
 * Issue 11 §2: the ipam/* rules against an independent oracle. test/differential/ipam_oracle.py
 * implements the same rules from their docs with Python's stdlib `ipaddress` only (no shared code,
 * pairwise loops and address-by-address counting instead of the validator's indexes), every one of
 * the 11 rules, reading addresses in the model's dialect; both run on a few hundred seeded random
 * designs (generators/ipamDesigns.ts, plus clusterDesigns.ts and invalidDesigns.ts on top) and must
 * report the same (ruleId, targets) per design, findings counted with their multiplicity.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.ts';
import { randomClusterDesign } from './generators/clusterDesigns.ts';
import { randomDesign } from './generators/ipamDesigns.ts';
import { randomInvalidDesign } from './generators/invalidDesigns.ts';

/** The rules the oracle implements: every ipam/* rule. */
const RULES = [
  'ipam/invalid-cidr',
  'ipam/subnet-overlap',
  'ipam/range-outside-subnet',
  'ipam/range-overlap',
  'ipam/gateway-outside-subnet',
  'ipam/gateway-in-range',
  'ipam/reserved-address',
  'ipam/static-ip-in-dynamic-range',
  'ipam/duplicate-ip',
  'ipam/pool-exhausted',
  'ipam/cluster-cidr-overlap',
];
/**
 * IPAM designs, then designs with cluster CIDR edits on top (generators/clusterDesigns.ts), then designs with
 * malformed and odd-dialect values on top (generators/invalidDesigns.ts).
 */
const IPAM_DESIGNS = 400;
const CLUSTER_DESIGNS = 200;
const INVALID_DESIGNS = 150;
const DESIGNS = IPAM_DESIGNS + CLUSTER_DESIGNS + INVALID_DESIGNS;
const SEED = 11_2026;
const oracle = fileURLToPath(new URL('./differential/ipam_oracle.py', import.meta.url));

const probe = spawnSync('python3', ['-c', 'import ipaddress, json, sys'], { encoding: 'utf8' });
if (probe.error !== undefined || probe.status !== 0) throw new Error('python3 with the ipaddress module is needed for this test');

describe('ipam/* rules against the Python ipaddress oracle', () => {
  it(`agree on (ruleId, targets) for ${DESIGNS} seeded random designs`, () => {
    const designs = Array.from({ length: DESIGNS }, (_, i) =>
      i < IPAM_DESIGNS
        ? randomDesign(SEED + i)
        : i < IPAM_DESIGNS + CLUSTER_DESIGNS
          ? randomClusterDesign(SEED + i)
          : randomInvalidDesign(SEED + i),
    );
    const product = designs.map(({ doc }) =>
      validate(doc, { only: RULES })
        .map((d) => `${d.ruleId}|${[...new Set(d.targets.map((t) => t.id))].sort().join(',')}`)
        .sort(),
    );
    const run = spawnSync('python3', [oracle], {
      input: JSON.stringify(designs.map((d) => d.doc)),
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[][];
    expect(expected).toHaveLength(DESIGNS);

    const disagreements: string[] = [];
    designs.forEach((d, i) => {
      const ours = product[i]!;
      const theirs = expected[i]!;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) return;
      const onlyOurs = ours.filter((x) => !theirs.includes(x));
      const onlyTheirs = theirs.filter((x) => !ours.includes(x));
      disagreements.push(
        `#${i} ${d.template} [${d.edits.join('; ')}]\n  validator only: ${onlyOurs.join(' ; ')}\n  oracle only:    ${onlyTheirs.join(' ; ')}`,
      );
    });
    // Findings must actually be exercised, or agreement means nothing.
    const found = new Set(product.flat().map((f) => f.split('|')[0]));
    expect([...found].sort()).toEqual([...RULES].sort());
    // ...and the cluster designs must make every kind of cluster finding: against a network, against the
    // own service CIDR (one target) and between two clusters' pod CIDRs (two clusters, no network).
    const clusterFindings = product
      .slice(IPAM_DESIGNS, IPAM_DESIGNS + CLUSTER_DESIGNS)
      .flat().filter((f) => f.startsWith('ipam/cluster-cidr-overlap|'));
    const clusterShapes = new Set(clusterFindings.map((f) => f.split('|')[1]!.split(',').length));
    expect(clusterFindings.length).toBeGreaterThan(CLUSTER_DESIGNS / 2);
    expect([...clusterShapes].sort()).toEqual([1, 2]);
    expect(disagreements.slice(0, 8).join('\n'), `${disagreements.length} of ${DESIGNS} designs disagree`).toBe('');
  }, 120_000);
});
