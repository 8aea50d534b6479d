/*
 * Who used the CPUs during a run (Linux /proc; elsewhere nothing is reported). On a 2-core
 * machine the server, PostgreSQL and the load generator share the cores, and other work on the
 * machine skews a run: the "other" share says how much.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc times (USER_HZ); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  pid: number;
  ppid: number;
  command: string;
  ticks: number;
}

export interface CpuSnapshot {
  at: number;
  /** Busy ticks of all CPUs together (user + nice + system + irq + softirq). */
  busyTicks: number;
  /** Ticks the hypervisor ran something else while this machine wanted the CPU. */
  stealTicks: number;
  processes: Map<number, ProcessTimes>;
}

export interface CpuGroup {
  name: string;
  /** True for the processes of the group (their descendants are included automatically). */
  matches(process: { pid: number; ppid: number; command: string }): boolean;
}

/**
 * Percent of one core, per group, plus `other` (every other process and the kernel), `total`
 * (all busy time) and `steal` (time the hypervisor gave to other machines).
 */
export type CpuUsage = Record<string, number>;

export const CPU_ACCOUNTING = existsSync('/proc/stat');

function readProcess(pid: number): ProcessTimes | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may contain spaces: split after the last ')'.
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return {
      pid,
      ppid: Number(fields[1]),
      command,
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // gone meanwhile
  }
}

export function cpuSnapshot(): CpuSnapshot | undefined {
  if (!CPU_ACCOUNTING) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const processes = new Map<number, ProcessTimes>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = readProcess(Number(entry));
    if (times) processes.set(times.pid, times);
  }
  return {
    at: Date.now(),
    busyTicks: user + nice + system + irq + softirq,
    stealTicks: steal ?? 0,
    processes,
  };
}

export function cpuUsage(
  before: CpuSnapshot | undefined,
  after: CpuSnapshot | undefined,
  groups: CpuGroup[],
): CpuUsage | undefined {
  if (!before || !after) return undefined;
  const seconds = (after.at - before.at) / 1000;
  if (seconds <= 0) return undefined;
  const groupOf = new Map<number, string>();
  const resolveGroup = (pid: number, depth = 0): string | undefined => {
    if (groupOf.has(pid)) return groupOf.get(pid);
    const process = after.processes.get(pid);
    if (!process || depth > 64) return undefined;
    const own = groups.find((group) => group.matches(process))?.name;
    const group = own ?? (process.ppid > 1 ? resolveGroup(process.ppid, depth + 1) : undefined);
    groupOf.set(pid, group ?? '');
    return group;
  };
  const percent = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 1000) / 10;
  const usage: CpuUsage = Object.fromEntries(groups.map((group) => [group.name, 0]));
  let accounted = 0;
  for (const [pid, process] of after.processes) {
    const group = resolveGroup(pid);
    if (!group) continue;
    const ticks = process.ticks - (before.processes.get(pid)?.ticks ?? 0);
    usage[group] += ticks;
    accounted += ticks;
  }
  const total = after.busyTicks - before.busyTicks;
  for (const group of groups) usage[group.name] = percent(usage[group.name]);
  usage.other = percent(Math.max(0, total - accounted));
  usage.total = percent(total);
  usage.steal = percent(after.stealTicks - before.stealTicks);
  return usage;
}
