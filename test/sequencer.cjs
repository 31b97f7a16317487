// @ts-check
const { readFileSync } = require('node:fs');
const DefaultSequencer = require('@jest/test-sequencer').default;

/**
 * Jest's order, with one more clue for a run that has no timings yet (a fresh clone, as CI
 * runs it): jest then runs the biggest files first, but the files that start processes of
 * their own — a Keyward server, a script, a browser — are small and slow. They mostly
 * wait on those processes, so started last they are the run's tail, with a core idle;
 * started first, the other files' work fills their waits. Once jest has timings (every
 * later run) its own order, slowest first, stands.
 */
class Sequencer extends DefaultSequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const first = sorted.filter((test) => /\b(startServer|spawnSync|launchPersistentContext)\(/.test(readFileSync(test.path, 'utf8')));
    return [...first, ...sorted.filter((test) => !first.includes(test))];
  }
}

module.exports = Sequencer;
