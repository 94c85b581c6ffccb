/**
 * What a keyboard connection is waiting for, shown on the canvas and read by screen readers (a
 * live region that is always in the page, so the first message is announced too).
 */
import { useUi } from '../store/ui.ts';

export function KeyConnectStatus() {
  const pending = useUi((s) => s.keyConnect);
  return (
    <div className={`key-connect-status${pending ? ' active' : ''}`} role="status" data-testid="key-connect-status">
      {pending && `Connecting ${pending.label}: move to the other element (arrow keys or Tab) and press Enter. Escape cancels.`}
    </div>
  );
}
