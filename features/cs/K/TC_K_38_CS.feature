@TC_K_38_CS
Feature: TC_K_38_CS Remote start transaction with charging profile - Ignore chargingProfile
  A station without smart charging starts a remotely requested transaction as usual when the request carries a
  TxProfile for the EVSE: the profile is ignored, the start is not refused.

  # Decision: Part 5 gives this case's condition ("does not support Smart Charging") only in prose, so the run cannot
  # decide it from the PICS; the case runs, and a station with smart charging should be left out of the selection.
  # Decision: the profile uses the configured smart charging values (profile id, stack level, rate unit, phases).
  Scenario: remote start with a TxProfile that the station ignores
    Given the Charging Station is connected, accepted and idle
    And the reusable state EVConnectedPreSession is reached
    # Part 6 steps 1-6 (the AuthorizeRequest and TransactionEventRequest where AuthorizeRemoteStart and TxStartPoint ask for them)
    When the reusable state Authorized is executed remotely with a TxProfile for the EVSE in the RequestStartTransactionRequest
    # Part 6 step 7
    Then the reusable state EnergyTransferStarted is reached
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
