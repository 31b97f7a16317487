/**
 * `make(source, …)` worked out once per source object and kept as long as the source
 * lives (a WeakMap). For what the hot path would otherwise build on every request from
 * objects it shares across requests: a cached credential's principal, a principal's scope
 * loaders, a scope set's display list or cache-key text.
 */
export function oncePer<S extends object, A extends unknown[], V>(make: (source: S, ...rest: A) => V): (source: S, ...rest: A) => V {
  const made = new WeakMap<S, V>();
  return (source, ...rest) => {
    let value = made.get(source);
    if (value === undefined) {
      value = make(source, ...rest);
      made.set(source, value);
    }
    return value;
  };
}

/**
 * `next(value)` now when `value` is already there, after it when it is a promise: the hot
 * path answers a cached credential synchronously (no promise, no microtask turn) and
 * everything else asynchronously, through the same code.
 */
export function andThen<T, U>(value: T | Promise<T>, next: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
