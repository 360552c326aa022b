import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/** The machine and moment a bench ran on, printed with its figures so they can be quoted. */
export interface MachineInfo {
  /** ISO 8601, UTC. */
  date: string;
  node: string;
  /** `model name` from /proc/cpuinfo (os.cpus() elsewhere). */
  cpu: string;
  cores: number;
  /** 1, 5 and 15-minute load averages, as `uptime` shows them. */
  load: [number, number, number];
}

/** What the machine is, and how busy, right now. */
export function machineInfo(): MachineInfo {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpuModel(),
    cores: availableParallelism(),
    load: [one, five, fifteen],
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}
