/** What `govscore monitor` is asked to do: embedded (cli/monitor.ts) or through the queue (queue/monitor.ts). */
export interface MonitorOptions {
  sitesFile: string;
  db: string;
  days: number;
  perDay: number;
  /** Overrides the spacing of rounds (24 h / perDay): for drills and tests. */
  intervalMs?: number;
  timeoutMs?: number;
  /** Redis URL: the rounds run as a BullMQ job scheduler and `govscore worker` processes take the probes. */
  queue?: string;
  log?: (line: string) => void;
}
