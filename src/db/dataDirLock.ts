import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a one-process database: two processes on one DATA_DIR corrupt it. A pid file
 * created with O_EXCL claims the folder before anything opens it; a second Keyward finds
 * it, sees that process alive, and refuses with one line. A pid file left by a process
 * that died (kill -9, power loss) names no live process and is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `DATA_DIR ${dataDir} is in use by another Keyward process (pid ${pid}); ` +
        'the embedded database serves one process: stop that one, or use PostgreSQL (DATABASE_URL) for several',
    );
    this.name = 'DataDirInUseError';
  }
}

export const LOCK_FILE = 'keyward.pid';

/** The folders this process holds: its own pid in a file it does not hold is a previous life's. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dataDir` for this process; the returned function releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const key = path.resolve(dataDir);
  const release = () => {
    if (!held.delete(key)) return;
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // Two attempts: the second follows the removal of a stale file.
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(key);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    // Our own pid is ours only if we hold the folder (one process must not open it twice);
    // otherwise an earlier process had the same pid, as every container's pid 1 does.
    const inUse = holder === process.pid ? held.has(key) : Number.isInteger(holder) && holder > 0 && isAlive(holder);
    if (inUse) throw new DataDirInUseError(dataDir, holder);
    unlinkSync(file);
  }
}
