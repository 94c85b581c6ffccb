/**
 * Cross-check against Python's `ipaddress`, the reference peer of performance.md §2.8: the same
 * seeded CIDRs and addresses go to both sides, and overlapping pairs (with their relation),
 * containment and longest-prefix match must agree exactly. Python runs the naive pairwise
 * loop with `overlaps()`/`subnet_of()`, so it shares no algorithm with the code under test.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LpmTable } from '../routing/lpm.ts';
import { AddressIndex } from './lookup.ts';
import { findOverlaps } from './sweep.ts';
import type { Interval4Like, Interval6Like, IntervalLike } from './types.ts';

const probe = spawnSync('python3', ['-c', 'import ipaddress, json, sys'], { encoding: 'utf8' });
const noPython = probe.error !== undefined || probe.status !== 0;
const skipReason = noPython ? ' (SKIPPED: python3 with the ipaddress module is not on PATH)' : '';

const PYTHON = `
import ipaddress, json, sys
d = json.load(sys.stdin)
out = {}
for fam, addr_key in (('v4', 'a4'), ('v6', 'a6')):
    nets = [ipaddress.ip_network(s, strict=True) for s in d[fam]]
    pairs = []
    for i, a in enumerate(nets):
        for j in range(i + 1, len(nets)):
            b = nets[j]
            if not a.overlaps(b):
                continue
            if a == b:
                pairs.append(f"{i} {j} equal")
            elif b.subnet_of(a):
                pairs.append(f"{i} {j} contains")
            elif a.subnet_of(b):
                pairs.append(f"{j} {i} contains")
            else:
                pairs.append(f"{i} {j} partial")
    addrs = [ipaddress.ip_address(s) for s in d[addr_key]]
    containing = [[i for i, n in enumerate(nets) if x in n] for x in addrs]
    lpm = []
    for holders in containing:
        best = None
        for i in holders:
            if best is None or nets[i].prefixlen > nets[best].prefixlen:
                best = i
        lpm.append(best)
    out[fam] = {"pairs": sorted(pairs), "containing": containing, "lpm": lpm}
print(json.dumps(out))
`;

// mulberry32: a seeded generator, so a failure reproduces.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt4 = (x: number) => [24, 16, 8, 0].map((s) => Math.floor(x / 2 ** s) % 256).join('.');
const fmt6 = (x: bigint) => Array.from({ length: 8 }, (_, i) => ((x >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');

function generate(seed: number) {
  const rnd = rng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const big = (bits: number) => {
    let x = 0n;
    for (let b = 0; b < bits; b += 16) x = (x << 16n) | BigInt(int(65536));
    return x & ((1n << BigInt(bits)) - 1n);
  };
  // Real neighbourhoods from the seeds' designs, so nesting and duplicates are frequent.
  const anchors4 = ['10.244.0.0', '192.168.32.0', '172.16.136.0', '10.96.0.0', '192.168.48.0'].map((s) =>
    s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0),
  );
  const anchors6 = [0xfd00_0100_0096n << 80n, 0xfd00_0100_0097n << 80n];

  const v4: Interval4Like[] = [];
  for (let i = 0; i < 500; i++) {
    const inside = rnd() < 0.7;
    const a = inside ? anchors4[int(anchors4.length)]! + int(1 << 16) : int(2 ** 32);
    const len = i === 0 ? 0 : inside ? 12 + int(21) : 8 + int(25);
    const blockSize = 2 ** (32 - len);
    const start = a - (a % blockSize);
    v4.push({ family: 4, start, end: start + blockSize - 1 });
  }
  const v6: Interval6Like[] = [];
  for (let i = 0; i < 200; i++) {
    const inside = rnd() < 0.7;
    const a = inside ? anchors6[int(anchors6.length)]! + big(80) : (0xfdn << 120n) | big(120);
    const len = i === 0 ? 0 : inside ? 40 + int(89) : 8 + int(121);
    const host = (1n << BigInt(128 - len)) - 1n;
    const start = a & (((1n << 128n) - 1n) ^ host);
    v6.push({ family: 6, start, end: start | host });
  }
  const a4 = Array.from({ length: 200 }, () => (rnd() < 0.8 ? anchors4[int(anchors4.length)]! + int(1 << 16) : int(2 ** 32)));
  const a6 = Array.from({ length: 100 }, () => (rnd() < 0.8 ? anchors6[int(anchors6.length)]! + big(80) : (0xfdn << 120n) | big(120)));
  return { v4, v6, a4, a6 };
}

const prefixLen4 = (iv: Interval4Like) => 32 - Math.log2(iv.end - iv.start + 1);
const prefixLen6 = (iv: Interval6Like) => 128 - (iv.end - iv.start + 1n).toString(2).length + 1;

describe('cross-check with Python ipaddress', () => {
  it.skipIf(noPython)(
    `overlapping pairs, containment and LPM agree on seeded CIDR sets${skipReason}`,
    () => {
      {
        const { v4, v6, a4, a6 } = generate(20261124);
        const input = {
          v4: v4.map((iv) => `${fmt4(iv.start)}/${prefixLen4(iv)}`),
          v6: v6.map((iv) => `${fmt6(iv.start)}/${prefixLen6(iv)}`),
          a4: a4.map(fmt4),
          a6: a6.map(fmt6),
        };
        const run = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 << 20 });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        type Side = { pairs: string[]; containing: number[][]; lpm: (number | null)[] };
        const py = JSON.parse(run.stdout) as { v4: Side; v6: Side };

        const check = (
          ivs: readonly IntervalLike[],
          addrs: readonly ({ family: 4; value: number } | { family: 6; value: bigint })[],
          side: Side,
        ) => {
          const pairs = findOverlaps(ivs)
            .map((p) => `${p.a} ${p.b} ${p.relation}`)
            .sort();
          expect(pairs).toEqual([...side.pairs].sort());
          expect(pairs.length).toBeGreaterThan(ivs.length / 4); // the data must actually nest
          const index = AddressIndex.build(ivs);
          const table = LpmTable.build(ivs.map((prefix, tag) => ({ prefix, tag })));
          addrs.forEach((x, k) => {
            expect([...index.containing(x)].sort((p, q) => p - q)).toEqual(side.containing[k]);
            expect(table.lookup(x) ?? null).toBe(side.lpm[k]);
          });
        };
        check(
          v4,
          a4.map((value) => ({ family: 4, value }) as const),
          py.v4,
        );
        check(
          v6,
          a6.map((value) => ({ family: 6, value }) as const),
          py.v6,
        );
      }
    },
    60_000,
  );
});
