import type { CpuResult } from './cpu-phase.ts';
import type { MachineInfo } from './machine.ts';
import type { GroupResult } from './network-phase.ts';
import type { BenchSettings } from './settings.ts';
import type { StaticResult } from './static-phase.ts';

/** What the report needs to know about a provider besides its figures. */
export interface ProviderInfo {
  id: string;
  packageName: string;
  sizeBudget: string;
  /** The adapter's note on how it was measured, if any. */
  note?: string | undefined;
}

/** What the report needs to know about a peer besides its figures. */
export interface PeerInfo {
  id: string;
  packageName: string;
  registrySpec: string;
  comparesWith: string;
  note?: string | undefined;
}

/** One complete run. */
export interface BenchResults {
  machine: MachineInfo;
  loadAtEnd: number;
  durationSeconds: number;
  quick: boolean;
  settings: BenchSettings;
  providers: ProviderInfo[];
  peers: PeerInfo[];
  groups: GroupResult[];
  cpu: CpuResult[];
  static: StaticResult;
}
