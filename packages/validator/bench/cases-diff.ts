/**
 * diff/<n> and merge/<n>: the semantic diff (model diffDocuments) and the three-way merge (model
 * mergeDocuments, restore() of the result included) of an estate of about n elements, against a
 * plain deep-equal walk of the same documents in the same run (every node visited, arrays by
 * index, no notion of ids or addresses): the cheapest "are these the same?" a client could do.
 *
 * The documents are JSON copies (as they arrive from a file or the server), so no side can skip a
 * shared object by identity. Mine edits 1 % of the elements (VLANs, renames, moves), theirs
 * another 1 % (worker counts, VIP ports, a route), so the merge has work but no conflict.
 */
import { diffDocuments, mergeDocuments, restore, type Element, type TopologyDocument } from '@viplane/model';
import { generateEstate } from './generate.ts';
import { median, roundRobin, row, type Row } from './measure.ts';

/** Visits every value of both documents; returns how many leaves differ. The baseline. */
export function deepEqualWalk(a: unknown, b: unknown): number {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? 0 : 1;
  let differ = 0;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return 1;
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) differ += deepEqualWalk(a[i], b[i]);
    return differ;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k in ra) differ += deepEqualWalk(ra[k], rb[k]);
  for (const k in rb) if (!(k in ra)) differ++;
  return differ;
}

const copy = (doc: TopologyDocument) => JSON.parse(JSON.stringify(doc)) as TopologyDocument;

function edited(base: TopologyDocument, every: number, offset: number, edit: (el: Element, i: number) => Element): TopologyDocument {
  const doc = copy(base);
  doc.elements = doc.elements.map((el, i) => (i % every === offset ? edit(el, i) : el));
  return doc;
}

/** An estate of about `target` elements (the generator scales by routing domains). */
function estateOf(target: number): TopologyDocument {
  const perUnit = generateEstate({ scale: 1, seed: 7 }).doc.elements.length;
  return generateEstate({ scale: target / perUnit, seed: 7 }).doc;
}

export function diffMergeCases(targets: readonly number[], runs: number, warmup: number): Row[] {
  const rows: Row[] = [];
  for (const target of targets) {
    const base = estateOf(target);
    const n = base.elements.length;
    const mine = edited(base, 100, 0, (el, i) => {
      if (el.kind === 'portGroup') return { ...el, props: { ...el.props, vlan: 3000 + (i % 1000) } };
      return i % 2 ? { ...el, name: `${el.name}-renamed` } : { ...el, position: { x: el.position.x + 40, y: el.position.y } };
    });
    const theirs = edited(base, 100, 50, (el) => {
      if (el.kind === 'tkgCluster') return { ...el, props: { ...el.props, workerCount: el.props.workerCount + 2 } };
      if (el.kind === 'virtualService') return { ...el, props: { ...el.props, port: 8443 } };
      if (el.kind === 'router')
        return {
          ...el,
          props: {
            ...el.props,
            staticRoutes: [...el.props.staticRoutes, { id: `${el.id}-added`, prefix: '198.18.0.0/15', nextHop: null }],
          },
        };
      return { ...el, notes: 'checked' };
    });
    const [b, m, t] = [copy(base), copy(mine), copy(theirs)];
    let changed = 0;
    let conflicts = -1;
    let walked = 0;
    const times = roundRobin(
      {
        baseline: () => {
          walked = deepEqualWalk(b, m);
        },
        diff: () => {
          const d = diffDocuments(b, m);
          changed = d.elements.changed.length + d.elements.moved.length;
        },
        // What the merge spends on checking its result, for scale.
        restore: () => {
          if (!restore(t).ok) throw new Error('restore failed');
        },
        merge: () => {
          const r = mergeDocuments(b, m, t);
          if (!r.ok) throw new Error(`merge/${target}: the merge of disjoint edits does not restore: ${JSON.stringify(r.errors[0])}`);
          conflicts = r.conflicts.length;
        },
      },
      runs,
      warmup,
    );
    if (conflicts !== 0) throw new Error(`merge/${target}: disjoint edits gave ${conflicts} conflicts`);
    if (changed === 0 || walked === 0) throw new Error(`diff/${target}: found no change in an edited document`);
    const baseline = median(times['baseline']!);
    const extra = { elements: n, links: base.links.length, changed, differing_leaves: walked };
    rows.push(row(`diff/${target / 1000}k`, median(times['diff']!), baseline, 'report', null, extra));
    const restoreMs = Number(median(times['restore']!).toFixed(3));
    rows.push(
      row(`merge/${target / 1000}k`, median(times['merge']!), baseline, 'report', null, { ...extra, conflicts, restore_ms: restoreMs }),
    );
  }
  return rows;
}
