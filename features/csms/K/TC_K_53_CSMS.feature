@TC_K_53_CSMS
Feature: TC_K_53_CSMS Charging with load leveling based on High Level Communication - Success
  An ISO 15118 EV tells its charging needs; the CSMS levels the load itself with a TxProfile for the transaction,
  accepts the EV's schedule within those limits, and the energy transfer starts.
  # The EV is a mock ISO 15118 EV of the test system (three-phase AC, 6-32 A); its schedule repeats the periods of
  # the profile it answers, or raises them above it where Part 6 wants a schedule that exceeds the limits.
  Scenario: load levelling for an ISO 15118 EV
    Given the test system is connected to the CSMS and accepted
    And the reusable state Authorized is reached
    And the reusable state EVConnectedPreSession is reached
    # Part 6 main: the reusable state ISO15118SmartCharging (charging needs, the CSMS's TxProfile, the EV schedule,
    # the start of the energy transfer).
    When the reusable state ISO15118SmartCharging is executed
