import { afterEach, describe, expect, it } from 'vitest';
import { onPlanWritten, planWritten } from '../../src/integrations/build-plans.ts';

describe('build plans: the loader tells the running build that a plan is on disk', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('calls the listener of the plan written, and only that one', () => {
    const heard: string[] = [];
    stops.push(onPlanWritten('photos', () => heard.push('photos')));
    stops.push(onPlanWritten('search', () => heard.push('search')));
    planWritten('search');
    expect(heard).toEqual(['search']);
  });

  it('hears nothing when no build listens (the preview, astro sync)', () => {
    expect(() => planWritten('photos')).not.toThrow();
  });

  it('lets only the build that registered last start work: an earlier one that failed during sync stays silent', () => {
    const heard: string[] = [];
    const stopFirst = onPlanWritten('photos', () => heard.push('first build'));
    stops.push(onPlanWritten('photos', () => heard.push('second build')));
    // The first build stopping late must not remove the second build's listener.
    stopFirst();
    planWritten('photos');
    expect(heard).toEqual(['second build']);
  });

  it('stops calling a listener that stopped listening', () => {
    const heard: string[] = [];
    const stop = onPlanWritten('search', () => heard.push('search'));
    stop();
    planWritten('search');
    expect(heard).toEqual([]);
  });
});
