/**
 * The registry of built-in methods answers by case-insensitive names (Apex identifiers are case-insensitive), through
 * a cache by call-site spelling that must never hide a later registration.
 */
import { Registry, type NativeFn } from '../src/runtime/registry';

const answer =
  (value: string): NativeFn =>
  () =>
    value;

describe('Registry.findMethod', () => {
  it('should find an instance method whatever the case of the kind and the method, System/Schema prefixes included', () => {
    const registry = new Registry();
    registry.method('String', 'toUpperCase', answer('upper'));

    for (const [kind, method] of [
      ['String', 'toUpperCase'],
      ['string', 'TOUPPERCASE'],
      ['System.String', 'toUppercase']
    ]) {
      expect(registry.findMethod(kind ?? '', method ?? '')?.({} as never, [])).toBe('upper');
    }
  });

  it('should find a method registered after a lookup of the same spelling found nothing', () => {
    const registry = new Registry();
    expect(registry.findMethod('List', 'reverse')).toBeUndefined();

    registry.method('List', 'reverse', answer('reversed'));

    expect(registry.findMethod('List', 'reverse')?.({} as never, [])).toBe('reversed');
  });

  it('should answer the replacement when a method is registered again', () => {
    const registry = new Registry();
    registry.method('Map', 'keySet', answer('first'));
    expect(registry.findMethod('Map', 'keySet')?.({} as never, [])).toBe('first');

    registry.method('Map', 'keyset', answer('second'));

    expect(registry.findMethod('Map', 'keySet')?.({} as never, [])).toBe('second');
  });
});
