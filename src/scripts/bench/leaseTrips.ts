import { Leases } from '../../keys/leases';

/**
 * Preloaded into the servers of (l) (`node --import tsx --import <this file> src/main.ts`),
 * so that the bench can say how many database trips the leases made for the uses it
 * counted. The server exposes `Leases.trips` nowhere over HTTP, and should not just for
 * this; a preload reads it without touching the server's code. Every Leases that starts is
 * noted, and their trips are printed as one JSON line on stdout when the process exits —
 * after the shutdown has given every lease back (stdout to a pipe is synchronous on
 * Linux, so the line is not lost to the exit).
 */
const started: Leases[] = [];
const start = Leases.prototype.start;
Leases.prototype.start = function (this: Leases): void {
  started.push(this);
  start.call(this);
};
process.on('exit', () => {
  process.stdout.write(`${JSON.stringify({ leaseTrips: started.reduce((n, leases) => n + leases.trips, 0) })}\n`);
});
