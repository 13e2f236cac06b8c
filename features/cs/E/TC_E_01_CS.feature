@TC_E_01_CS
Feature: TC_E_01_CS Start transaction options - PowerPathClosed
  A station configured to start transactions when the power path closes starts one as soon as an authorized driver's
  EV is plugged in.

  Scenario: an authorized driver plugs in; the transaction starts
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains PowerPathClosed (when writable), the driver is authorized
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "PowerPathClosed"
    And the reusable state Authorized is reached
    # Part 6 step 1
    When the reusable state EVConnectedPreSession is executed
