// Step attribution: "# Part 6 step N" / "steps N-M" / "steps N, M" comments name the Part 6 step(s) of the Gherkin
// steps below them, in every feature file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { formatSteps, parseStepSpec, part6StepNotes, readPart6Comment, stepsOfFailure, type GherkinDocLike } from '../../src/runner/annotations.ts';

function parse(text: string, uri = 'x.feature'): { doc: GherkinDocLike; pickles: ReadonlyArray<{ steps: ReadonlyArray<{ astNodeIds: readonly string[]; text: string }> }> } {
  const newId = IdGenerator.incrementing();
  const doc = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text);
  return { doc: doc as unknown as GherkinDocLike, pickles: compile(doc, uri, newId) };
}

function featureFiles(dir = new URL('../../features/', import.meta.url).pathname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? featureFiles(join(dir, d.name)) : d.name.endsWith('.feature') ? [join(dir, d.name)] : []));
}

describe('Part 6 step comments', () => {
  it('reads step N, steps N-M, steps N, M and mixed lists, and ignores commentary after the numbers', () => {
    expect(parseStepSpec('3')).toEqual([3]);
    expect(parseStepSpec('3-4')).toEqual([3, 4]);
    expect(parseStepSpec('3 – 5')).toEqual([3, 4, 5]);
    expect(parseStepSpec('3, 5')).toEqual([3, 5]);
    expect(parseStepSpec('3-4, 7 and 9')).toEqual([3, 4, 7, 9]);
    expect(parseStepSpec('4-3')).toBeUndefined();
    expect(parseStepSpec('x')).toBeUndefined();
    expect(readPart6Comment('# Part 6 steps 3-4 are asked of the CSMS by the operator in one go')).toEqual({ kind: 'steps', steps: [3, 4], note: 'Part 6 steps 3-4' });
    expect(readPart6Comment('    # Part 6 step 12 (manual action)')).toEqual({ kind: 'steps', steps: [12], note: 'Part 6 step 12' });
    expect(readPart6Comment('# Part 6 steps 3, 5')).toEqual({ kind: 'steps', steps: [3, 5], note: 'Part 6 steps 3, 5' });
    expect(readPart6Comment('# Part 6 before: the transaction already started')).toEqual({ kind: 'before' });
    expect(readPart6Comment('# Part 6 names no field to check')).toEqual({ kind: 'commentary' });
    expect(readPart6Comment('# Part 6 steps three')).toEqual({ kind: 'malformed', text: '# Part 6 steps three' });
    expect(readPart6Comment('# an ordinary comment')).toBeUndefined();
    expect(formatSteps([3])).toBe('step 3');
    expect(formatSteps([3, 4, 5, 8])).toBe('steps 3-5, 8');
    expect(stepsOfFailure('Part 6 steps 3-4: the Charging Station sends a BootNotificationRequest')).toEqual([3, 4]);
    expect(stepsOfFailure('Part 6 step 1: the reusable state Booted is executed')).toEqual([1]);
    expect(stepsOfFailure('the Charging Station is connected, accepted and idle')).toBeUndefined();
  });

  it('a step under "steps 3-4" is attributed to steps 3-4, not to the step number before it; commentary keeps the attribution', () => {
    const { doc, pickles } = parse(`Feature: f
  Scenario: s
    Given the set-up
    # Part 6 step 1
    When one
    # Part 6 steps 2-3
    Then two
    # Part 6 names no field here
    And three
    # Part 6 steps 4, 6 (with a remark)
    Then four
    # Part 6 before: set-up for the next part
    Given more set-up
`);
    const pickle = pickles[0];
    expect(pickle && part6StepNotes(doc, pickle)).toEqual([undefined, 'Part 6 step 1', 'Part 6 steps 2-3', 'Part 6 steps 2-3', 'Part 6 steps 4, 6', undefined]);
  });

  describe('every feature file', () => {
    for (const file of featureFiles()) {
      const name = file.replace(/^.*\/features\//, '');
      it(name, () => {
        const text = readFileSync(file, 'utf8');
        const malformed = text.split('\n').map((l) => readPart6Comment(l)).filter((c) => c?.kind === 'malformed');
        expect(malformed, 'comments that start like a step note but do not parse').toEqual([]);
        const { doc, pickles } = parse(text, file);
        for (const pickle of pickles) {
          const notes = part6StepNotes(doc, pickle);
          // Every step after the first numbered note is attributed (a feature that numbers its steps numbers all of them,
          // unless it marks set-up with "# Part 6 before").
          const first = notes.findIndex((n) => n !== undefined);
          const before = new Set(doc.comments.filter((c) => readPart6Comment(c.text)?.kind === 'before').map((c) => c.location.line));
          if (first >= 0 && before.size === 0) expect(notes.slice(first).filter((n) => n === undefined), `${name}: unattributed steps after the first note`).toEqual([]);
          for (const n of notes) if (n !== undefined) expect(stepsOfFailure(n), `${name}: ${n}`).toBeDefined();
        }
      });
    }
  });
});
