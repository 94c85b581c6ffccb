/** The modal dialog frame (Escape and a backdrop click close it) and its Cancel / confirm buttons. */
import { useEffect, useRef, type ReactNode } from 'react';
import { closeDialog } from '../store/ui.ts';
import { IconClose } from './icons.tsx';

export function Modal(props: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  medium?: boolean;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeDialog();
    };
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('[data-autofocus], button.primary, button.danger, input')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeDialog()}>
      <div
        className={`dialog${props.wide ? ' wide' : props.medium ? ' medium' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        ref={ref}
      >
        <div className="dialog-head">
          <div style={{ flex: 1 }}>
            <h2>{props.title}</h2>
            {props.subtitle && <p>{props.subtitle}</p>}
          </div>
          <button className="btn icon" onClick={closeDialog} aria-label="Close">
            <IconClose />
          </button>
        </div>
        <div className="dialog-body">{props.children}</div>
        {props.footer && <div className="dialog-foot">{props.footer}</div>}
      </div>
    </div>
  );
}

export function ModalButtons({ confirm, onConfirm, danger }: { confirm: string; onConfirm(): void; danger?: boolean }) {
  return (
    <>
      <button className="btn outline" onClick={closeDialog}>
        Cancel
      </button>
      <button className={`btn ${danger ? 'danger' : 'primary'}`} onClick={onConfirm} data-testid="dialog-confirm">
        {confirm}
      </button>
    </>
  );
}
