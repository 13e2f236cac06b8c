@TC_E_14_CSMS
Feature: TC_E_14_CSMS Stop transaction options - EVDisconnected - Charging Station side
  A station whose transactions end when the cable is unplugged ends the session after the driver stopped it and pulled
  the cable out at the station. The CSMS must take the connector becoming Available and the Ended event.

  Scenario: the transaction ends when the cable is unplugged at the station
    Given the test system is connected to the CSMS and accepted
    And the reusable state EVConnectedPostSession is reached
    # Part 6 step 1
    When the reusable state EVDisconnected is executed
