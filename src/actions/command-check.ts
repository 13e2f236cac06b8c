// Checks the command templates of `actions.kind: "command"` against what each action provides, before a run: a
// template that uses a placeholder its action lacks would otherwise end that action's every case INCONCLUSIVE.
import type { SutRole } from '../catalog/types.ts';

/** The placeholders each action fills (besides {name}, {station} and {version}, which every action has). */
export const ACTION_PLACEHOLDERS: Record<string, readonly string[]> = {
  plugIn: ['evseId', 'connectorId'],
  plugOut: ['evseId', 'connectorId'],
  presentIdToken: ['idToken', 'type', 'evseId'],
  reboot: [],
  parkingBay: ['occupied', 'evseId'],
  setOnline: ['online'],
  storeCustomerIdentifier: ['identifier'],
  masterPassStop: ['target'],
  send: ['action', 'payload'],
  helper: ['helper', 'payload'],
};
const EVERY_ACTION = ['name', 'station', 'version'];

/** The actions a SUT of this role is driven through. */
export function actionsOf(role: SutRole): string[] {
  return role === 'CSMS' ? ['send', 'helper'] : ['plugIn', 'plugOut', 'presentIdToken', 'reboot', 'parkingBay', 'setOnline'];
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
}

/** One message per template and action it serves that uses a placeholder the action does not fill. */
export function commandTemplateProblems(command: string | Record<string, string>, role: SutRole): string[] {
  const templates = typeof command === 'string' ? { '*': command } : command;
  const field = (key: string): string => (typeof command === 'string' ? 'actions.command' : `actions.command.${key === '*' ? '"*"' : key}`);
  const problems: string[] = [];
  for (const [key, template] of Object.entries(templates)) {
    const served = key === '*' ? actionsOf(role).filter((a) => templates[a] === undefined) : [key];
    for (const action of served) {
      const known = [...EVERY_ACTION, ...(ACTION_PLACEHOLDERS[action] ?? [])];
      const unknown = placeholders(template).filter((p) => !known.includes(p));
      if (unknown.length === 0) continue;
      problems.push(
        `${field(key)}: "${template}" serves ${action}, which has no ${unknown.map((u) => `{${u}}`).join(', ')} (it has ${known.map((k) => `{${k}}`).join(', ')}). ` +
          `Give ${action} its own template ("command": {"${action}": "..."}), or use only placeholders every action has.`,
      );
    }
  }
  // An action without a template is no problem here: a bench without (say) a parking-bay sensor leaves it out, and the
  // cases that need it end INCONCLUSIVE with "no command configured for action parkingBay".
  return problems;
}
