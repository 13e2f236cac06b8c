@TC_E_08_CS
Feature: TC_E_08_CS Stop transaction options - EnergyTransfer stopped - StopAuthorized
  A station configured to end transactions when the energy transfer stops ends the transaction when the driver
  stops charging locally.

  Scenario: the driver stops locally; the energy stops and the transaction ends
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains EnergyTransfer; energy flows
    And the Charging Station variable "TxCtrlr.TxStopPoint" is "EnergyTransfer" for this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the reusable state StopAuthorized is executed
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
