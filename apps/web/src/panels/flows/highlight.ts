/**
 * A flow's traced path on the canvas, drawn as the Tracer draws a trace (tone `trace`, hops
 * numbered): the two ends, every host on the path, the networks it leaves on and the NICs between.
 * Selection is left alone: clicking a flow only shows where it goes.
 */
import type { DesignFlow } from '@viplane/validator';
import { useEditor } from '../../store/editor.ts';
import { useUi } from '../../store/ui.ts';
import { canvasApi } from '../../store/canvasApi.ts';
import { getElement } from '../../document/edits.ts';

export function showFlow(flow: DesignFlow) {
  const { doc } = useEditor.getState();
  const ids = new Set<string>();
  const steps = new Map<string, number[]>();
  const add = (id: string | null | undefined, step?: number) => {
    if (!id || !getElement(doc, id)) return;
    ids.add(id);
    if (step !== undefined) steps.set(id, [...(steps.get(id) ?? []), step]);
  };
  add(flow.sourceElementId, 1);
  let step = 1;
  let previousNetwork: string | null = null;
  for (const hop of flow.hops) {
    if (hop.hostId !== null && hop.hostId !== flow.sourceElementId) add(hop.hostId, ++step);
    add(hop.egressNetworkId);
    for (const networkId of [previousNetwork, hop.egressNetworkId]) {
      const link = hop.hostId && networkId ? doc.links.find((l) => l.from === hop.hostId && l.to === networkId) : undefined;
      if (link) ids.add(`link:${link.id}`);
    }
    if (hop.route?.sourceId && doc.links.some((l) => l.id === hop.route!.sourceId)) ids.add(`link:${hop.route.sourceId}`);
    previousNetwork = hop.egressNetworkId;
  }
  add(flow.networkId);
  add(flow.destinationElementId, ++step);
  useUi.setState({ trace: null, highlight: ids, highlightTone: 'trace', traceSteps: steps });
  const nodeIds = [...ids].filter((id) => getElement(doc, id));
  if (nodeIds.length) canvasApi.current?.fitNodes(nodeIds);
}
