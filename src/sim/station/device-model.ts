// The station's device model: components, variables, their Actual values and characteristics.
// Pure data + validation; no I/O. The station reads its settings from here and reacts to changes via onChange.

export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';
export type AttributeType = 'Actual' | 'Target' | 'MinSet' | 'MaxSet';

export interface EvseRef {
  id: number;
  connectorId?: number;
}
export interface ComponentRef {
  name: string;
  instance?: string;
  evse?: EvseRef;
}
export interface VariableRef {
  name: string;
  instance?: string;
}

export interface VariableSpec {
  component: ComponentRef;
  variable: VariableRef;
  dataType: DataType;
  mutability: Mutability;
  /** Initial Actual value (ignored when `compute` is given). */
  value?: string;
  /** For values the station derives from its live state (AvailabilityState, DateTime, ...). */
  compute?: () => string;
  unit?: string;
  minLimit?: number;
  maxLimit?: number;
  valuesList?: string[];
  persistent?: boolean;
  constant?: boolean;
  /** For string variables: minimum length accepted on write. */
  minLength?: number;
  /** Writing this variable only takes effect after a reboot. */
  rebootRequired?: boolean;
  /** For lists: the empty list is a valid value (a measurand list set to "" means no readings). */
  emptyAllowed?: boolean;
}

interface Entry extends VariableSpec {
  current: string;
}

export type GetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' | 'RebootRequired';

export interface GetResult {
  status: GetStatus;
  value?: string;
}
export interface SetResult {
  status: SetStatus;
  reason?: string;
}

export interface ReportDatum {
  component: ComponentRef;
  variable: VariableRef;
  variableAttribute: Array<{ type: 'Actual'; value?: string; mutability: Mutability; persistent: boolean; constant: boolean }>;
  variableCharacteristics?: {
    dataType: DataType;
    supportsMonitoring: boolean;
    unit?: string;
    minLimit?: number;
    maxLimit?: number;
    valuesList?: string;
  };
}

export type ReportBase = 'ConfigurationInventory' | 'FullInventory' | 'SummaryInventory';

function componentKey(c: ComponentRef): string {
  const evse = c.evse ? `${c.evse.id}/${c.evse.connectorId ?? ''}` : '';
  return `${c.name}|${c.instance ?? ''}|${evse}`;
}
function variableKey(v: VariableRef): string {
  return `${v.name}|${v.instance ?? ''}`;
}

/** Checks a textual value against a variable's data type and limits. Returns a reason when invalid. */
export function invalidValueReason(spec: VariableSpec, value: string): string | undefined {
  switch (spec.dataType) {
    case 'integer': {
      if (!/^-?\d+$/.test(value)) return 'not an integer';
      const n = Number(value);
      if (spec.minLimit !== undefined && n < spec.minLimit) return `below minimum ${spec.minLimit}`;
      if (spec.maxLimit !== undefined && n > spec.maxLimit) return `above maximum ${spec.maxLimit}`;
      return undefined;
    }
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return 'not a decimal';
      const n = Number(value);
      if (spec.minLimit !== undefined && n < spec.minLimit) return `below minimum ${spec.minLimit}`;
      if (spec.maxLimit !== undefined && n > spec.maxLimit) return `above maximum ${spec.maxLimit}`;
      return undefined;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'not a boolean';
    case 'dateTime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'not a dateTime';
    case 'OptionList':
      return spec.valuesList?.includes(value) ? undefined : 'not one of the options';
    case 'MemberList':
    case 'SequenceList': {
      if (value === '') return spec.emptyAllowed ? undefined : 'empty list';
      const items = value.split(',').map((s) => s.trim());
      if (items.some((i) => !spec.valuesList?.includes(i))) return 'contains an unsupported member';
      if (new Set(items).size !== items.length) return 'contains a duplicate';
      return undefined;
    }
    case 'string':
      if (spec.minLength !== undefined && value.length < spec.minLength) return `shorter than ${spec.minLength}`;
      if (spec.maxLimit !== undefined && value.length > spec.maxLimit) return `longer than ${spec.maxLimit}`;
      return undefined;
  }
}

export class DeviceModel {
  private readonly components = new Map<string, { ref: ComponentRef; vars: Map<string, Entry> }>();
  private readonly order: Entry[] = [];
  private readonly changeListeners: Array<(component: ComponentRef, variable: VariableRef, value: string) => void> = [];

  define(spec: VariableSpec): void {
    const ck = componentKey(spec.component);
    let comp = this.components.get(ck);
    if (!comp) {
      comp = { ref: spec.component, vars: new Map() };
      this.components.set(ck, comp);
    }
    const entry: Entry = { ...spec, current: spec.value ?? '' };
    comp.vars.set(variableKey(spec.variable), entry);
    this.order.push(entry);
  }

  onChange(listener: (component: ComponentRef, variable: VariableRef, value: string) => void): void {
    this.changeListeners.push(listener);
  }

  private find(component: ComponentRef, variable: VariableRef): { entry?: Entry; componentKnown: boolean } {
    const comp = this.components.get(componentKey(component));
    if (!comp) return { componentKnown: false };
    return { componentKnown: true, entry: comp.vars.get(variableKey(variable)) };
  }

  /** Internal read (no mutability checks). Throws for variables the model does not define: a programming error. */
  value(componentName: string, variableName: string, variableInstance?: string, evse?: EvseRef): string {
    const { entry } = this.find({ name: componentName, evse }, { name: variableName, instance: variableInstance });
    if (!entry) throw new Error(`device model has no ${componentName}.${variableName}${variableInstance ? `[${variableInstance}]` : ''}`);
    return entry.compute ? entry.compute() : entry.current;
  }
  int(componentName: string, variableName: string, variableInstance?: string): number {
    return Number(this.value(componentName, variableName, variableInstance));
  }
  bool(componentName: string, variableName: string, variableInstance?: string): boolean {
    return this.value(componentName, variableName, variableInstance) === 'true';
  }
  list(componentName: string, variableName: string, variableInstance?: string): string[] {
    const v = this.value(componentName, variableName, variableInstance);
    return v === '' ? [] : v.split(',').map((s) => s.trim());
  }

  /** Internal write (the station updating its own values); no mutability check, still type-checked. */
  setInternal(componentName: string, variableName: string, value: string, variableInstance?: string): void {
    const { entry } = this.find({ name: componentName }, { name: variableName, instance: variableInstance });
    if (!entry) throw new Error(`device model has no ${componentName}.${variableName}`);
    entry.current = value;
  }

  get(component: ComponentRef, variable: VariableRef, attributeType: AttributeType = 'Actual'): GetResult {
    const { entry, componentKnown } = this.find(component, variable);
    if (!componentKnown) return { status: 'UnknownComponent' };
    if (!entry) return { status: 'UnknownVariable' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (entry.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: entry.compute ? entry.compute() : entry.current };
  }

  /** A write from the CSMS. `faults` lets the caller bend exactly one rule; the model itself stays correct. */
  set(
    component: ComponentRef,
    variable: VariableRef,
    value: string,
    attributeType: AttributeType = 'Actual',
    options: { acceptReadOnly?: boolean; doNotApply?: boolean } = {},
  ): SetResult {
    const { entry, componentKnown } = this.find(component, variable);
    if (!componentKnown) return { status: 'UnknownComponent' };
    if (!entry) return { status: 'UnknownVariable' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (entry.mutability === 'ReadOnly' || entry.constant) {
      return options.acceptReadOnly ? { status: 'Accepted' } : { status: 'Rejected', reason: 'ReadOnly' };
    }
    const invalid = invalidValueReason(entry, value);
    if (invalid !== undefined) return { status: 'Rejected', reason: invalid };
    if (options.doNotApply) return { status: 'Accepted' };
    entry.current = value;
    for (const l of this.changeListeners) l(entry.component, entry.variable, value);
    return { status: entry.rebootRequired ? 'RebootRequired' : 'Accepted' };
  }

  /** Report entries for a base report, in definition order. */
  report(base: ReportBase, opts: { includeReadOnlyInConfiguration?: boolean; omitCharacteristics?: boolean } = {}): ReportDatum[] {
    const pick = (e: Entry): boolean => {
      if (base === 'FullInventory') return true;
      if (base === 'ConfigurationInventory') return opts.includeReadOnlyInConfiguration ? true : e.mutability !== 'ReadOnly';
      // SummaryInventory: the availability of the station, its EVSEs and connectors (and problems, which we have none of).
      return e.variable.name === 'AvailabilityState';
    };
    return this.order.filter(pick).map((e) => {
      const attr: ReportDatum['variableAttribute'][number] = {
        type: 'Actual',
        mutability: e.mutability,
        persistent: e.persistent ?? e.mutability !== 'ReadOnly',
        constant: e.constant ?? false,
      };
      if (e.mutability !== 'WriteOnly') attr.value = e.compute ? e.compute() : e.current;
      const datum: ReportDatum = { component: cleanComponent(e.component), variable: cleanVariable(e.variable), variableAttribute: [attr] };
      if (!opts.omitCharacteristics) {
        datum.variableCharacteristics = { dataType: e.dataType, supportsMonitoring: false };
        if (e.unit !== undefined) datum.variableCharacteristics.unit = e.unit;
        if (e.minLimit !== undefined) datum.variableCharacteristics.minLimit = e.minLimit;
        if (e.maxLimit !== undefined) datum.variableCharacteristics.maxLimit = e.maxLimit;
        if (e.valuesList !== undefined) datum.variableCharacteristics.valuesList = e.valuesList.join(',');
      }
      return datum;
    });
  }

  size(): number {
    return this.order.length;
  }
}

export function cleanComponent(c: ComponentRef): ComponentRef {
  const out: ComponentRef = { name: c.name };
  if (c.instance !== undefined) out.instance = c.instance;
  if (c.evse !== undefined) out.evse = c.evse.connectorId !== undefined ? { id: c.evse.id, connectorId: c.evse.connectorId } : { id: c.evse.id };
  return out;
}
export function cleanVariable(v: VariableRef): VariableRef {
  return v.instance !== undefined ? { name: v.name, instance: v.instance } : { name: v.name };
}

/** Splits report data into pages that respect an item count and an approximate byte budget. */
export function paginate<T>(items: T[], itemsPerPage: number, bytesPerPage: number, overheadBytes = 200): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let bytes = overheadBytes;
  for (const item of items) {
    const size = JSON.stringify(item).length + 1;
    if (page.length > 0 && (page.length >= itemsPerPage || bytes + size > bytesPerPage)) {
      pages.push(page);
      page = [];
      bytes = overheadBytes;
    }
    page.push(item);
    bytes += size;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
