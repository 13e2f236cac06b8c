// The OCPP-J message model shared by every module: frames, error codes, versions.
// Part 4 defines frames as JSON arrays; these types are their parsed form.

export type OcppVersion = '2.0.1' | '2.1';
export const SUBPROTOCOL_OF: Record<OcppVersion, string> = { '2.0.1': 'ocpp2.0.1', '2.1': 'ocpp2.1' };
export const VERSION_OF_SUBPROTOCOL: Record<string, OcppVersion> = { 'ocpp2.0.1': '2.0.1', 'ocpp2.1': '2.1' };

export const MessageTypeId = {
  CALL: 2,
  CALLRESULT: 3,
  CALLERROR: 4,
  /** 2.1 only: an error about a CALLRESULT the peer received. */
  CALLRESULTERROR: 5,
  /** 2.1 only: an unconfirmed message (no response expected). */
  SEND: 6,
} as const;
export type MessageTypeId = (typeof MessageTypeId)[keyof typeof MessageTypeId];

/** RPC framework error codes of Part 4 (2.x spelling: FormatViolation, not 1.6's FormationViolation). */
export type RpcErrorCode =
  | 'FormatViolation'
  | 'GenericError'
  | 'InternalError'
  | 'MessageTypeNotSupported'
  | 'NotImplemented'
  | 'NotSupported'
  | 'OccurrenceConstraintViolation'
  | 'PropertyConstraintViolation'
  | 'ProtocolError'
  | 'RpcFrameworkError'
  | 'SecurityError'
  | 'TypeConstraintViolation';

export interface CallFrame {
  type: 2;
  id: string;
  action: string;
  payload: unknown;
}
export interface CallResultFrame {
  type: 3;
  id: string;
  payload: unknown;
}
export interface CallErrorFrame {
  type: 4 | 5;
  id: string;
  code: string;
  description: string;
  details: unknown;
}
export interface SendFrame {
  type: 6;
  id: string;
  action: string;
  payload: unknown;
}
export type Frame = CallFrame | CallResultFrame | CallErrorFrame | SendFrame;

/** Which side of the protocol a peer plays. */
export type Role = 'CSMS' | 'ChargingStation';
