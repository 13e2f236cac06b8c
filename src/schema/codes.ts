// Which RPC error code a schema failure maps to (Part 4, section 4.3 "RPC Framework Error Codes").
//
// Our reading of the code table, per JSON-schema keyword:
//
//   keyword                                  code                              why
//   ---------------------------------------  --------------------------------  -----------------------------------------
//   type                                     TypeConstraintViolation           a field holds the wrong JSON data type
//   required, minItems, maxItems,            OccurrenceConstraintViolation     a field or list element is present too
//   additionalItems, min/maxProperties                                         few or too many times
//   enum, const, minLength, maxLength,       PropertyConstraintViolation       the type is right but the value is not
//   minimum, maximum, exclusiveMin/Max,                                        one the message definition allows
//   pattern, multipleOf, uniqueItems,
//   additionalProperties
//   format (date-time), ocppDecimal          FormatViolation                   the text form of a value is malformed
//                                                                              (date-time syntax, > 3 fraction digits,
//                                                                              a decimal with > 6 places)
//   anything else                            PropertyConstraintViolation       safest generic "invalid value" code
//
// additionalProperties: a field the message does not define. We call that a PropertyConstraintViolation: the
// payload is well-formed JSON and every defined field may be fine, but the object carries a property that the
// message definition does not permit (OCPP's only extension point is `customData`). We considered
// OccurrenceConstraintViolation (the field "occurs" 1 time where 0 are allowed) and ProtocolError (not the PDU
// structure), but the former is about cardinality of defined fields and the latter, in our use, about the
// frame wrapper, so neither describes an unknown key as well.
import type { RpcErrorCode } from '../rpc/types.ts';

const CODE_OF_KEYWORD: Record<string, RpcErrorCode> = {
  type: 'TypeConstraintViolation',
  required: 'OccurrenceConstraintViolation',
  minItems: 'OccurrenceConstraintViolation',
  maxItems: 'OccurrenceConstraintViolation',
  additionalItems: 'OccurrenceConstraintViolation',
  minProperties: 'OccurrenceConstraintViolation',
  maxProperties: 'OccurrenceConstraintViolation',
  enum: 'PropertyConstraintViolation',
  const: 'PropertyConstraintViolation',
  minLength: 'PropertyConstraintViolation',
  maxLength: 'PropertyConstraintViolation',
  minimum: 'PropertyConstraintViolation',
  maximum: 'PropertyConstraintViolation',
  exclusiveMinimum: 'PropertyConstraintViolation',
  exclusiveMaximum: 'PropertyConstraintViolation',
  pattern: 'PropertyConstraintViolation',
  multipleOf: 'PropertyConstraintViolation',
  uniqueItems: 'PropertyConstraintViolation',
  additionalProperties: 'PropertyConstraintViolation',
  format: 'FormatViolation',
  ocppDecimal: 'FormatViolation',
};

export function codeForKeyword(keyword: string): RpcErrorCode {
  return CODE_OF_KEYWORD[keyword] ?? 'PropertyConstraintViolation';
}

// When a payload has several problems, a CALLERROR still carries one code. We pick by the order in which a
// receiver would naturally check a payload: first whether values are written correctly at all (format), then
// their data types, then whether the right fields are present, then whether the values are allowed.
const SEVERITY: RpcErrorCode[] = [
  'RpcFrameworkError',
  'ProtocolError',
  'FormatViolation',
  'TypeConstraintViolation',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
];

/** The single code to put in a CALLERROR for these problems; 'GenericError' when there are none. */
export function mostSevereCode(problems: ReadonlyArray<{ code: RpcErrorCode }>): RpcErrorCode {
  let best: RpcErrorCode | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const p of problems) {
    const rank = SEVERITY.indexOf(p.code);
    const r = rank === -1 ? SEVERITY.length : rank;
    if (r < bestRank) {
      bestRank = r;
      best = p.code;
    }
  }
  return best ?? 'GenericError';
}
