// The loopback HTTP server, run as its own process (see loopback.ts) so that on a 2-core machine
// it gets a core of its own instead of sharing the client's event loop. It answers fixed bodies
// prepared once: no validation, no JSON work in the hot path, so it is not what is measured.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FromServer, RecordedRequest, ToServer } from './loopback-protocol.ts';

const routes = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
// The first few requests are kept for the identity check; after that recording costs nothing.
const RECORD_LIMIT = 16;
let recorded: RecordedRequest[] = [];

function send(message: FromServer): void {
  process.send?.(message);
}

function recordRequest(request: IncomingMessage, body: Buffer): void {
  if (recorded.length >= RECORD_LIMIT) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  }
  recorded.push({
    method: request.method ?? '',
    path: request.url ?? '',
    headers,
    body: body.toString('utf8'),
  });
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    recordRequest(request, Buffer.concat(chunks));
    const route = routes.get(`${request.method} ${request.url}`);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`loopback: no route for ${request.method} ${request.url}`);
      return;
    }
    response.writeHead(route.status, route.headers);
    response.end(route.body);
  });
});
// Clients keep connections open for the whole run; never let the server close them first.
server.keepAliveTimeout = 120_000;

process.on('message', (message: ToServer) => {
  if (message.type === 'start') {
    for (const route of message.routes) {
      const body = Buffer.from(route.body, 'utf8');
      routes.set(`${route.method} ${route.path}`, {
        status: route.status,
        headers: { 'content-type': route.contentType, 'content-length': String(body.length) },
        body,
      });
    }
    server.listen(0, '127.0.0.1', () => {
      send({ type: 'listening', port: (server.address() as AddressInfo).port });
    });
  } else if (message.type === 'take-recorded') {
    send({ type: 'recorded', requests: recorded });
    recorded = [];
  } else if (message.type === 'cpu-usage') {
    const usage = process.cpuUsage();
    send({ type: 'cpu-usage', micros: usage.user + usage.system });
  }
});

// The parent going away (finished, crashed or killed) ends the server too: it never outlives a run.
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
