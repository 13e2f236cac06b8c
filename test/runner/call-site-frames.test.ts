// The stand-in for error-stack-parser where the bundled cucumber child records where a step was defined
// (src/runner/call-site-frames.ts) finds the same frames, files and lines as the package it replaces.
import ErrorStackParser from 'error-stack-parser';
import { describe, expect, it } from 'vitest';
import callSiteFrames from '../../src/runner/call-site-frames.ts';

function definedHere(): [Error, Error] {
  return [new Error(), new Error()];
}

describe('call-site frames', () => {
  it('names the same files and lines as error-stack-parser, frame by frame', () => {
    const [ours, theirs] = definedHere();
    const a = callSiteFrames.parse(ours);
    const b = ErrorStackParser.parse(theirs);
    expect(a.map((f) => f.getFileName())).toEqual(b.map((f) => f.getFileName()));
    expect(a[0]?.getFileName()).toMatch(/call-site-frames\.test\.ts$/);
    expect(a[0]?.functionName).toBe('definedHere');
    // Lines from the test file itself differ only by vitest's source map (the stack text is mapped, call sites are not;
    // the child's bundle has no source map).
    const elsewhere = (frames: Array<{ getFileName(): string | undefined; getLineNumber(): number | undefined }>): Array<number | undefined> =>
      frames.filter((f) => !f.getFileName()?.endsWith('call-site-frames.test.ts')).map((f) => f.getLineNumber());
    expect(elsewhere(a).length).toBeGreaterThan(0);
    expect(elsewhere(a)).toEqual(elsewhere(b));
  });

  it('leaves the formatting of other errors alone', () => {
    const before = Error.prepareStackTrace;
    callSiteFrames.parse(new Error());
    expect(Error.prepareStackTrace).toBe(before);
    expect(new Error('still text').stack).toMatch(/^Error: still text\n/);
  });
});
