@TC_E_50_CS
Feature: TC_E_50_CS Retry sending transaction message when failed - Max retry count reached - CallError
  A TransactionEvent the CSMS keeps refusing is sent again, each time after a longer pause, as often as the station
  is configured to try, and then no more.

  Scenario: every transmission is refused with a CALLERROR
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the retry settings. Decision: 3 attempts, 1 s apart (the run configuration has no separate
    # values for them), set for this case and restored afterwards. Meter values are sampled at the configured
    # interval, so the next TransactionEvent comes soon.
    And TransactionEvent messages are tried "3" times, "1" s apart, for this case
    And the station samples transaction meter values at the configured interval for this case
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-4 are optional (signed data, SuspendedEVSE) and only answered by default.
    # Part 6 steps 5-6: the same message, refused each time, as often as configured; then it must stop
    When the test system refuses every transmission of the next TransactionEventRequest with a CALLERROR InternalError
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    Then the station is left idle: EV unplugged, no transaction open
