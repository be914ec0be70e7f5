/**
 * The Stub API (Apex Developer Guide, Build a Mocking Framework with the Stub API; Apex Reference Guide,
 * Test.createStub, StubProvider Interface): `Test.createStub(Type parentType, System.StubProvider provider)` returns
 * an object of `parentType` whose instance method calls all go to `provider.handleMethodCall(stubbedObject,
 * stubbedMethodName, returnType, listOfParamTypes, listOfParamNames, listOfArgs)`; what it returns is the call's
 * result. No constructor of the stubbed class runs. Static methods are not stubbed (they run as written).
 *
 * Refused as the platform documents: a system type, and a class whose constructors are all private
 * (System.TypeException). Not modelled: the namespace rule (every class here is in one namespace), and the
 * compile-time refusal of Batchable classes and Iterator parameter or return types.
 */
import type { MethodDecl } from '../parse/ast';
import type { ClassInfo, Interpreter } from '../runtime/interpreter';
import type { Registry } from '../runtime/registry';
import { ApexList, ApexObject, OBJECT, STRING, T, TypeValue } from '../runtime/values';

const TYPE = T('System.Type');

function findMethod(interp: Interpreter, cls: ClassInfo, name: string, args: unknown[]): MethodDecl | null {
  const seen = new Set<ClassInfo>();
  const walk = (c: ClassInfo | null): MethodDecl | null => {
    for (let s: ClassInfo | null = c; s && !seen.has(s); s = interp.superOf(s)) {
      seen.add(s);
      const m = interp.selectMethod(s, name, args, false);
      if (m) return m.method;
      for (const i of interp.interfacesOf(s)) {
        const found = walk(i);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(cls);
}

export function registerStubs(r: Registry): void {
  r.type('System.StubProvider', { isInterface: true });
  r.static('Test', 'createStub', ({ interp }, [parentType, provider]) => {
    if (!(parentType instanceof TypeValue))
      return interp.throwFault('System.NullPointerException', 'Argument cannot be null.');
    if (!(provider instanceof ApexObject) || !interp.implementsNative(provider.cls, 'System.StubProvider')) {
      return interp.throwFault('System.NullPointerException', 'Argument cannot be null.');
    }
    const cls = interp.classByName(parentType.type.name);
    if (!cls)
      return interp.throwFault(
        'System.TypeException',
        `Cannot create a stub of the system type ${parentType.type.name}`
      );
    const ctors = cls.decl?.constructors ?? [];
    if (ctors.length > 0 && ctors.every((c) => c.modifiers.has('private'))) {
      return interp.throwFault(
        'System.TypeException',
        `Cannot create a stub of ${cls.name}: its constructors are private`
      );
    }
    const stub = new ApexObject(cls);
    interp.stubs.set(stub, (name, args) => {
      const decl = findMethod(interp, cls, name, args);
      if (!decl) {
        return interp.throwFault(
          'System.TypeException',
          `Method does not exist or incorrect signature: ${cls.name}.${name}`
        );
      }
      const returnType = decl.returnType ? interp.resolveType(decl.returnType, cls) : T('void');
      const paramTypes = new ApexList(
        TYPE,
        decl.params.map((p) => new TypeValue(interp.resolveType(p.type, cls), true))
      );
      const paramNames = new ApexList(
        STRING,
        decl.params.map((p) => p.name)
      );
      return interp.callMethod(provider, 'handleMethodCall', [
        stub,
        decl.name,
        new TypeValue(returnType, true),
        paramTypes,
        paramNames,
        new ApexList(OBJECT, [...args])
      ]);
    });
    return stub;
  });
}
