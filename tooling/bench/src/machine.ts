import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The machine a run happened on, for the report. */
export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started: above the core count means neighbours were busy. */
  loadAtStart: number;
}

/** Describes this machine now. */
export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAtStart: loadavg()[0] ?? 0,
  };
}

/** The 1-minute load average now. */
export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}
