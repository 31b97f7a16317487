import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';

/**
 * Keyward as a real process on a real port, for the end-to-end tests: what `npm start`
 * runs, with the environment given. PORT=0 lets the OS pick a free port.
 */
export interface RunningServer {
  url: string;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  process: ChildProcess;
}

const MAIN = path.resolve(__dirname, '../src/main.ts');

export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PASSWORD_HASH_COST: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    // A hang detector, not a speed check: while the suite's workers, a browser and other
    // servers share two cores, a start on a new DATA_DIR was seen to take over 50 s. A
    // server that does not start is killed, never left behind as an orphan.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"keyward listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          output: () => output,
          process: child,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

export async function graphqlOver(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** The command lines of the processes `pid` has started and that still run. */
export function childProcessesOf(pid: number): string[] {
  const result = spawnSync('ps', ['--ppid', String(pid), '-o', 'args='], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean);
}

/**
 * A POST whose body never finishes arriving: a request that stays in flight, as long as
 * the test wants, without any server-side work. Resolves with the answer, or with
 * `null` when the connection is cut without one.
 */
export function stalledRequest(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string } | null> {
  return new Promise((resolve) => {
    const request = httpRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      response.on('error', () => resolve(null));
    });
    request.on('error', () => resolve(null));
    request.write('{"query": "{ __typename }", "padding": "');
  });
}
