@TC_E_51_CS
Feature: TC_E_51_CS Retry sending transaction message when failed - Success before reaching the max retry count - CallError
  A TransactionEvent the CSMS refuses once is sent again after the configured pause; once the CSMS accepts it, the
  station does not send it any more.

  Scenario: the first transmission is refused, the second accepted
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the retry settings (more than 2 attempts). Decision: 3 attempts, 1 s apart (the run configuration
    # has no separate values for them), set for this case and restored afterwards. Meter values are sampled at the
    # configured interval, so the next TransactionEvent comes soon.
    And TransactionEvent messages are tried "3" times, "1" s apart, for this case
    And the station samples transaction meter values at the configured interval for this case
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-4 are optional (signed data, SuspendedEVSE) and only answered by default.
    # Part 6 steps 5-6: refused once, accepted the second time; then it must not come again
    When the test system refuses the next TransactionEventRequest with a CALLERROR InternalError and accepts its second transmission
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    Then the station is left idle: EV unplugged, no transaction open
