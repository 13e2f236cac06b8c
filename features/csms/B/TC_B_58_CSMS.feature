@TC_B_58_CSMS
Feature: TC_B_58_CSMS WebSocket Subprotocol validation
  The CSMS refuses an upgrade that offers no OCPP version it speaks, and picks its version when it is offered next to an
  unknown one.

  Scenario: unknown subprotocol refused, supported one chosen
    When the test system opens a connection offering only the subprotocol "ocpp9.9"
    Then the CSMS refuses the connection
    When the test system opens a connection offering the subprotocols "ocpp9.9", "ocpp2.0.1"
    Then the CSMS accepts the connection with subprotocol "ocpp2.0.1"
