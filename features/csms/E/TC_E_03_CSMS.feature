@TC_E_03_CSMS
Feature: TC_E_03_CSMS Local start transaction - Cable plugin first - Success
  The driver plugs in before presenting a token, so the transaction is already open when the authorization arrives
  in an Updated event. The CSMS must accept the token then and follow the session into charging.

  Scenario: plug in first, then authorize and charge
    Given the test system is connected to the CSMS and accepted
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    And the reusable state EnergyTransferStarted is executed
