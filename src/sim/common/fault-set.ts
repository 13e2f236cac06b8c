// Named faults, as both simulators use them: a catalogue (fault name -> the one behaviour it breaks), the names a user
// switched on checked against it, and one question every fault site asks: is this fault on?

/** Thrown for fault names that are not in the simulator's catalogue; the message lists the valid ones. */
export class UnknownFaultError extends Error {
  constructor(
    readonly unknown: string[],
    message: string,
  ) {
    super(message);
    this.name = 'UnknownFaultError';
  }
}

export type FaultCatalogue<Name extends string> = Readonly<Record<Name, string>>;

export function isFaultIn<Name extends string>(catalogue: FaultCatalogue<Name>, name: string): name is Name {
  return Object.prototype.hasOwnProperty.call(catalogue, name);
}

/** The switched-on faults. `has(name)` is the single switch every fault site consults. */
export class FaultSet<Name extends string> {
  private readonly active: ReadonlySet<Name>;

  /** `unknownMessage` words the UnknownFaultError for names the catalogue does not have. */
  constructor(catalogue: FaultCatalogue<Name>, names: readonly string[], unknownMessage: (unknown: string[], valid: string[]) => string) {
    const unknown = names.filter((n) => !isFaultIn(catalogue, n));
    if (unknown.length > 0) throw new UnknownFaultError(unknown, unknownMessage(unknown, Object.keys(catalogue)));
    this.active = new Set(names as Name[]);
  }

  has(name: Name): boolean {
    return this.active.has(name);
  }

  list(): Name[] {
    return [...this.active];
  }
}
