// A stand-in for MicrosoftAjax.js (ASP.NET AJAX 3.5), for the browser tests only. Outlook's office.js
// (outlook-win32-16.02.js) will not start without it and fetches it from
// ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js; @microsoft/office-js does not ship it, and the tests
// make no request off this machine. It defines exactly what office.js checks (isMsAjaxLoaded) and
// calls: Type.registerNamespace / registerClass, Function._validateParams, Sys.StringBuilder,
// Sys.Serialization.JavaScriptSerializer, Sys.Debug.trace, Sys.Browser, and Error.argument /
// parameterCount / argumentNull / argumentOutOfRange / argumentType (OsfMsAjaxFactory.msAjaxError is
// the Error constructor).
type Loose = Record<string, unknown>;
const global = window as unknown as Loose;

const TypeObject = Function as unknown as Loose & { prototype: Loose };
global['Type'] = TypeObject;
TypeObject['registerNamespace'] = (name: string) => {
  let at: Loose = global;
  for (const part of name.split('.')) {
    at[part] ??= {};
    at = at[part] as Loose;
  }
};
TypeObject.prototype['registerClass'] = function registerClass(this: unknown) {
  return this;
};
TypeObject['isListType'] = () => false;

interface ParameterSpec {
  name: string;
  type?: unknown;
  mayBeNull?: boolean;
  optional?: boolean;
}
const named = (name: string, message: string, extra: Loose = {}) =>
  Object.assign(new Error(message), { name, ...extra });
const errors: Loose = {
  argument: (paramName?: string, message?: string) =>
    named('Sys.ArgumentException', message ?? 'Value does not fall within the expected range.', {
      paramName,
    }),
  argumentNull: (paramName?: string, message?: string) =>
    named('Sys.ArgumentNullException', message ?? 'Value cannot be null.', { paramName }),
  argumentOutOfRange: (paramName?: string, _value?: unknown, message?: string) =>
    named('Sys.ArgumentOutOfRangeException', message ?? 'Specified argument was out of the range.', {
      paramName,
    }),
  argumentType: (paramName?: string, _actual?: unknown, _expected?: unknown, message?: string) =>
    named('Sys.ArgumentTypeException', message ?? 'Wrong argument type.', { paramName }),
  parameterCount: (message?: string) =>
    named('Sys.ParameterCountException', message ?? 'Parameter count mismatch.'),
  create: (message: string, fields?: Loose) => Object.assign(new Error(message), fields),
};
Object.assign(Error, errors);

const typeMatches = (value: unknown, type: unknown) =>
  type === undefined ||
  (type === String && typeof value === 'string') ||
  (type === Number && typeof value === 'number') ||
  (type === Boolean && typeof value === 'boolean') ||
  (type === Function && typeof value === 'function') ||
  (type === Array && Array.isArray(value)) ||
  (type === Object && typeof value === 'object') ||
  (typeof type === 'function' && value instanceof (type as new () => unknown));

(Function as unknown as Loose)['_validateParams'] = (args: ArrayLike<unknown>, specs: ParameterSpec[]) => {
  if (args.length > specs.length) {
    return (errors['parameterCount'] as () => Error)();
  }
  for (const [at, spec] of specs.entries()) {
    const value = args[at];
    if (value === undefined || value === null) {
      if (!spec.optional && !spec.mayBeNull) {
        return (errors['argumentNull'] as (name: string) => Error)(spec.name);
      }
      continue;
    }
    if (!typeMatches(value, spec.type)) {
      return (errors['argumentType'] as (name: string) => Error)(spec.name);
    }
  }
  return null;
};

class StringBuilder {
  private parts: string[] = [];
  constructor(initial?: string) {
    if (initial) {
      this.parts.push(initial);
    }
  }
  append(text: string) {
    this.parts.push(text);
  }
  toString(separator = '') {
    return this.parts.join(separator);
  }
}
global['Sys'] = {
  StringBuilder,
  Serialization: {
    JavaScriptSerializer: {
      serialize: (value: unknown) => JSON.stringify(value),
      deserialize: (text: string) => JSON.parse(text) as unknown,
    },
  },
  Debug: { trace: () => undefined },
  Browser: { agent: 'Chrome', InternetExplorer: 'InternetExplorer' },
};
