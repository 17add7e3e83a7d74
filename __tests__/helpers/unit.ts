// Small helpers shared by the unit tests.
import type { Clock } from '../../actions/lib/kube/watch.js'

/** The error a function throws; fails the test when it does not throw. */
export function thrown(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a throw')
}

/** Virtual time: sleep advances the clock at once, so minutes of polling take milliseconds. */
export function fakeClock(start = 0): Clock & { sleeps: number[]; elapsed(): number } {
  let now = start
  const sleeps: number[] = []
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    },
    sleeps,
    elapsed: () => now - start
  }
}
