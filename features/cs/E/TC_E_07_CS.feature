@TC_E_07_CS
Feature: TC_E_07_CS Stop transaction options - PowerPathClosed - Local stop
  A station configured to end transactions when the power path opens ends the transaction as soon as the driver
  stops charging locally.

  Scenario: the driver stops locally; the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains PowerPathClosed; energy flows
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "PowerPathClosed" for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1 (manual action: present the idToken to stop)
    When the reusable state StopAuthorized is executed
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
