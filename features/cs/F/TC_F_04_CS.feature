@TC_F_04_CS
Feature: TC_F_04_CS Remote start transaction - Remote start first - Cable plugin timeout
  A remote start opens a transaction (TxStartPoint Authorized) but no cable follows: when the EV connection timeout
  runs out the station ends the transaction, and the EVSE then accepts a new remote start.

  Scenario: remote start, no cable, the connection timeout ends the transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: EVConnectionTimeOut is the configured timeout. The run configuration has no such value, so the case
    # sets 5 s: short enough to wait for, long enough for a station's timer granularity. A station that refuses it (or
    # TxStartPoint Authorized) makes the case INCONCLUSIVE, as Part 6 requires that support.
    And the Charging Station variable "TxCtrlr.EVConnectionTimeOut" is "5" during this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is "true" during this case if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is "false" during this case if implemented
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "Authorized" during this case
    And the reusable state Authorized is executed remotely
    # Part 6 steps 1-2: the Ended event comes once the timeout has run out (a status report Available may come too)
    Then the Charging Station ends the transaction with EVConnectTimeout once TxCtrlr.EVConnectionTimeOut has passed
    # Part 6 step 3: the EVSE is ready for another session
    When the reusable state Authorized is executed remotely
    # Clean-up (not a Part 6 step): plug in, charge, stop remotely and unplug, so the station is left idle.
    And the reusable state StopAuthorized is executed remotely
    And the reusable state EVDisconnected is executed
