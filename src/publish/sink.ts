/**
 * Where a run's results go. The action backs it with the runner (step outputs, job summary);
 * tests and library callers can collect into memory.
 */
export interface ResultSink {
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
}
