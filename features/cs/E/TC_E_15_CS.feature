@TC_E_15_CS
Feature: TC_E_15_CS Stop transaction options - StopAuthorized - Local
  A station configured to end transactions when authorization ends closes the transaction as soon as the driver
  presents the token again.

  Scenario: the driver presents the token again; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized; energy flows
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "Authorized" for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2 (after the configured transaction duration; manual action: present the idToken to stop)
    When the configured transaction duration has passed
    And the driver presents the configured valid idToken
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | StopAuthorized |
      | transactionInfo.stoppedReason | Local          |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
