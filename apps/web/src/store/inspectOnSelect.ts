/**
 * Selecting something on the canvas shows it: the right panel switches to Inspect when the
 * selection changes to a non-empty one (a click, an arrow key, Find, a problem's element).
 * Clearing the selection leaves the panel where it is.
 */
import { useEditor } from './editor.ts';
import { useUi } from './ui.ts';

export function installInspectOnSelect(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.selectedNodes === prev.selectedNodes && s.selectedEdges === prev.selectedEdges) return;
    if (s.selectedNodes.size + s.selectedEdges.size === 0) return;
    if (sameSet(s.selectedNodes, prev.selectedNodes) && sameSet(s.selectedEdges, prev.selectedEdges)) return;
    if (useUi.getState().rightTab !== 'inspect') useUi.setState({ rightTab: 'inspect' });
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>) {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
