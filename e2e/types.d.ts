/** The app's read-only debug window (apps/web/src/main.tsx). */
export {};
declare global {
  interface Window {
    viplane?: {
      document(): unknown;
      diagnostics(): unknown;
      validated(): boolean;
      staleRules(): string[];
      autosaved(): Promise<void>;
    };
    /** Set by e2e probes. */
    viplaneProbe?: unknown;
  }
}
