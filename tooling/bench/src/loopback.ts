import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { FromServer, LoopbackRoute, RecordedRequest, ToServer } from './loopback-protocol.ts';

/** A running loopback server (its own process) and how to talk to it. */
export interface Loopback {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The requests that arrived since the last call (at most 16). */
  takeRecorded(): Promise<RecordedRequest[]>;
  /** CPU time the server process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

/** Starts the loopback server process with fixed routes and waits until it listens. */
export async function startLoopback(routes: LoopbackRoute[]): Promise<Loopback> {
  const child = fork(join(import.meta.dirname, 'loopback-server.ts'), [], {
    // Not the parent's flags (--expose-gc): the server is a plain process.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`loopback server exited early (code ${code})`)));
    child.on('message', (message: FromServer) => {
      if (message.type === 'listening') resolve(message.port);
    });
    send(child, { type: 'start', routes });
  });
  child.removeAllListeners('exit');
  return {
    origin: `http://127.0.0.1:${port}`,
    takeRecorded: () =>
      ask(child, { type: 'take-recorded' }, 'recorded').then((reply) => reply.requests),
    cpuMicros: () => ask(child, { type: 'cpu-usage' }, 'cpu-usage').then((reply) => reply.micros),
    stop() {
      // Disconnecting makes the server close and exit by itself (see loopback-server.ts).
      if (child.connected) child.disconnect();
    },
  };
}

function send(child: ChildProcess, message: ToServer): void {
  child.send(message);
}

function ask<T extends FromServer['type']>(
  child: ChildProcess,
  message: ToServer,
  replyType: T,
): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (reply: FromServer) => {
      if (reply.type !== replyType) return;
      child.off('message', listener);
      resolve(reply as Extract<FromServer, { type: T }>);
    };
    child.on('message', listener);
    send(child, message);
  });
}
