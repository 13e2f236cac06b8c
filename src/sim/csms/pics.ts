// What the reference CSMS implements, as a PICS: the Part 5 features the conditional Core cases ask about. Runs against
// the built-in CSMS use it, so every C case's condition is evaluated (and shown) instead of left undecided.
export const REFERENCE_CSMS_PICS = {
  role: 'CSMS',
  features: {
    'C-11': true, // UnlockConnector for stations with a detachable cable
    'C-13': true, // Reset of a single EVSE
    'C-14': true, // customer information by customerIdentifier
    'C-15': true, // scheduled firmware updates
    'C-16': true, // GetTransactionStatus
    'C-17': true, // ConfigurationInventory report
    'C-29.1': true, // TriggerMessage MeterValues
    'C-29.2': true, // TriggerMessage TransactionEvent
    'C-29.3': true, // TriggerMessage LogStatusNotification
    'C-29.4': true, // TriggerMessage FirmwareStatusNotification
    'C-29.5': true, // TriggerMessage StatusNotification
    'C-44': true, // BootNotification Pending
    'C-45': true, // several elements in one GetVariablesRequest
    'C-46': true, // several elements in one SetVariablesRequest
    'C-50.2': true, // FullInventory report on an operator's request
    'LA-2': true, // GetLocalListVersion
    'R-1': true, // reservations of a connector type
    'R-2': true, // reservations of an unspecified EVSE
    'ISO-3': true, // combined charging station certificate (SignCertificate without certificateType)
    'ISO-4': true, // customer information by customerCertificate
    'SC-4': true, // TxDefaultProfile for EVSE 0 (every EVSE)
    'AQ-6': false, // unknown stations are not refused during the WebSocket handshake (the boot decides)
  },
  notes: 'PICS of the built-in reference CSMS (src/sim/csms).',
} as const;
