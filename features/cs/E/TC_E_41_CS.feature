@TC_E_41_CS
Feature: TC_E_41_CS Retry sending transaction message when failed - Max retry count reached
  A TransactionEvent the CSMS never answers is sent again once the station's message timeout and a growing pause
  have passed, as often as the station is configured to try, and then no more.

  Scenario: no transmission is ever answered
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the retry settings (more than one attempt). Decision: 2 attempts, 1 s apart (the run
    # configuration has no separate values for them; 2 is the least Part 6 allows and keeps the case short, as every
    # unanswered transmission costs the station's whole message timeout), set for this case and restored afterwards.
    # Meter values are sampled at the configured interval, so the next TransactionEvent comes soon.
    And TransactionEvent messages are tried "2" times, "1" s apart, for this case
    And the station samples transaction meter values at the configured interval for this case
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-4 are optional (signed data, SuspendedEVSE) and only answered by default.
    # Part 6 step 5: the same message, never answered, as often as configured, each time after the station's message
    # timeout (OCPPCommCtrlr.MessageTimeout as the station reports it) and the pause; then, during one more such
    # period, not again
    When the test system leaves every transmission of the next TransactionEventRequest unanswered
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    Then the station is left idle: EV unplugged, no transaction open
