// Memory a simulator area keeps per station, beside a record it does not own and living as long as that record.
export function perStation<S extends object, T>(create: () => T): (station: S) => T {
  const memory = new WeakMap<S, T>();
  return (station) => {
    let value = memory.get(station);
    if (value === undefined) {
      value = create();
      memory.set(station, value);
    }
    return value;
  };
}
