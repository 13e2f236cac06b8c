@TC_E_20_CSMS
Feature: TC_E_20_CSMS Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)
  A station whose transactions end when the cable is unplugged ends a suspended session once the cable is out. The
  CSMS must take the session through its stop and the connector becoming Available, up to the Ended event.

  Scenario: a suspended transaction ends when the cable is unplugged
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferSuspended is reached
    # Part 6 step 1 (EVDisconnected passes through StopAuthorized and EVConnectedPostSession first)
    When the reusable state EVDisconnected is executed
