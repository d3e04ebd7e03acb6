import { z, type ZodType } from 'zod';

/*
 * The response side of "schemas written once": each route's response schema is compiled, once, into
 * a shaping function that copies exactly the declared fields (nothing undeclared ever leaks), checks
 * each value's JSON type, enum and literal, then hands the result to JSON.stringify. It replaces a
 * full `zod.encode` per response, which re-ran every string format check (UUID regexes, …) on data
 * the service itself produced: 30 µs for one agent and 150 µs for a page of 20, against ≈ 3 µs and
 * 25 µs here (docs/decisions.md, "Performance choices with visible effects"). Schema kinds this
 * does not know (pipes, transforms, unions, dates …) keep zod's own encoder for their subtree.
 *
 * A value outside the schema (say an enum value an operator's SQL wrote) is never served: the
 * shaper throws a ResponseShapeError naming the field, the value and the enclosing resource's id,
 * which the error handler logs and answers as INTERNAL_ERROR (docs/decisions.md).
 */

// The path of a value is only worked out when it fails: a ResponseShapeError gathers it on its way
// out, so the common case builds no path strings.
type Shape = (value: unknown) => unknown;

export class ResponseShapeError extends Error {
  private readonly segments: string[] = [];
  /** The `id` of the innermost object around the value that has one: the row to fix. */
  resourceId: string | undefined;

  constructor(
    readonly expected: string,
    readonly value: unknown,
  ) {
    super(`response does not match its schema: expected ${expected}`);
    this.name = 'ResponseShapeError';
  }

  /** Where the value stands in the response, as `data[3].focus`. */
  get path(): string {
    return this.segments.join('').replace(/^\./, '');
  }

  /** Called by each enclosing array and object, innermost first; an object passes itself. */
  within(segment: string, object?: unknown): ResponseShapeError {
    this.segments.unshift(segment);
    if (this.resourceId === undefined && typeof (object as { id?: unknown } | undefined)?.id === 'string') this.resourceId = (object as { id: string }).id;
    this.message = `response does not match its schema at ${this.path}: expected ${this.expected}`;
    return this;
  }
}

interface Def {
  type: string;
  innerType?: ZodType;
  element?: ZodType;
  shape?: Record<string, ZodType>;
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: ZodType;
  keyType?: ZodType;
  format?: string;
}

function defOf(schema: ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const fail = (expected: string, value: unknown): never => {
  throw new ResponseShapeError(expected, value);
};

function within(error: unknown, segment: string, object?: unknown): unknown {
  return error instanceof ResponseShapeError ? error.within(segment, object) : error;
}

function compile(schema: ZodType): Shape {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : fail('a string', v));
    case 'number': {
      const integer = def.format === 'safeint' || (schema as z.ZodNumber).isInt === true;
      return (v) => (typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isInteger(v)) ? v : fail(integer ? 'an integer' : 'a number', v));
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : fail('a boolean', v));
    case 'null':
      return (v) => (v === null ? v : fail('null', v));
    case 'unknown':
    case 'any':
      return (v) => v;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (allowed.has(v as string) ? v : fail(`one of ${[...allowed].join(', ')}`, v));
    }
    case 'literal': {
      const allowed = new Set(def.values);
      return (v) => (allowed.has(v) ? v : fail(`the literal ${[...allowed].map((x) => JSON.stringify(x)).join(' or ')}`, v));
    }
    case 'nullable': {
      const inner = compile(def.innerType as ZodType);
      return (v) => (v === null ? null : inner(v));
    }
    case 'optional': {
      const inner = compile(def.innerType as ZodType);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'array': {
      const element = compile(def.element as ZodType);
      return (v) => {
        if (!Array.isArray(v)) return fail('an array', v);
        const out = new Array<unknown>(v.length);
        let i = 0;
        try {
          for (; i < v.length; i++) out[i] = element(v[i]);
        } catch (error) {
          throw within(error, `[${i}]`);
        }
        return out;
      };
    }
    case 'object':
      return compileObject(def.shape ?? {});
    case 'record': {
      const keyDef = defOf(def.keyType as ZodType);
      const valueDef = defOf(def.valueType as ZodType);
      // The common case (metadata, details): string keys, any JSON value; JSON.stringify copies it.
      if (keyDef.type === 'string' && (valueDef.type === 'unknown' || valueDef.type === 'any')) {
        return (v) => (isPlainObject(v) ? v : fail('an object', v));
      }
      return zodEncoded(schema);
    }
    default:
      return zodEncoded(schema);
  }
}

function compileObject(shape: Record<string, ZodType>): Shape {
  const keys = Object.keys(shape);
  const shapes = keys.map((key) => compile(shape[key] as ZodType));
  // Generated once per object schema: named property reads and one object literal give V8 fixed
  // shapes, where a loop over the keys makes every read and write megamorphic (measured: the loop
  // took longer than JSON.stringify itself on a page of agents). The keys are the schema's own,
  // written as JSON string literals. An undefined (optional, absent) field is left out by
  // JSON.stringify.
  const reads = keys.map((key, i) => `key = ${JSON.stringify(key)}; const f${i} = s[${i}](v[${JSON.stringify(key)}]);`).join('\n');
  const literal = keys.map((key, i) => `${JSON.stringify(key)}: f${i}`).join(', ');
  const source = `return function shapeObject(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('an object', v);
    let key = '';
    try {
      ${reads}
      return { ${literal} };
    } catch (error) {
      throw within(error, '.' + key, v);
    }
  };`;
  return new Function('s', 'fail', 'within', source)(shapes, fail, within) as Shape;
}

/** Zod's own encoder, for schema kinds the shaper does not compile. */
function zodEncoded(schema: ZodType): Shape {
  return (v) => {
    const result = z.safeEncode(schema, v as never);
    if (!result.success) throw new ResponseShapeError(result.error.issues.map((i) => i.message).join('; '), v);
    return result.data;
  };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Compiles a response schema into `(data) => JSON text`. */
export function compileResponseSerializer(schema: ZodType): (data: unknown) => string {
  const shape = compile(schema);
  return (data) => JSON.stringify(shape(data));
}
