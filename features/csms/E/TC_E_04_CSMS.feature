@TC_E_04_CSMS
Feature: TC_E_04_CSMS Local start transaction - Authorization first - Success
  The driver presents a token before plugging in, so the authorization opens the transaction and the plug-in follows
  in an Updated event. The CSMS must accept the token and follow the session into charging.

  Scenario: authorize first, then plug in and charge
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    And the reusable state EnergyTransferStarted is executed
