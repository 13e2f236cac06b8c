@TC_K_37_CSMS
Feature: TC_K_37_CSMS Remote start transaction with charging profile - Success
  Asked by an operator, the CSMS starts a transaction remotely and hands the station a relative TxProfile for it in
  the same request; the transaction does not exist yet, so the profile carries no transactionId.
  # The "configured" smart-charging values are the bench values of the test system (see TC_K_01_CSMS); the operator
  # hands them to the CSMS in the request it asks for.
  Scenario: a remote start carrying a TxProfile
    Given the test system is connected to the CSMS and accepted
    And the smart charging values of the bench are configured
    # Part 6 step 1
    When the operator makes the CSMS send a RequestStartTransactionRequest with:
      | idToken.idToken                                                            | <configured valid idToken>      |
      | idToken.type                                                               | <configured valid idToken type> |
      | evseId                                                                     | <configured evseId>             |
      | remoteStartId                                                              | <new requestId>                 |
      | chargingProfile.id                                                         | <configured chargingProfileId>  |
      | chargingProfile.stackLevel                                                 | <configured stackLevel>         |
      | chargingProfile.chargingProfilePurpose                                     | TxProfile                       |
      | chargingProfile.chargingProfileKind                                        | Relative                        |
      | chargingProfile.chargingSchedule[0].id                                     | 1                               |
      | chargingProfile.chargingSchedule[0].duration                               | <configured duration>           |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                       | <configured chargingRateUnit>   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod  | 0                               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit        | <limit 6.0 or 6000.0>           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases | <configured numberPhases>       |
    Then the CSMS sends a RequestStartTransactionRequest with:
      | idToken.idToken                        | <configured valid idToken>      |
      | idToken.type                           | <configured valid idToken type> |
      | evseId                                 | <configured evseId>             |
      | chargingProfile.chargingProfilePurpose | TxProfile                       |
      | chargingProfile.transactionId          | absent                          |
      | chargingProfile.chargingProfileKind    | Relative                        |
    # Part 6 step 2
    And the test system responds with a RequestStartTransactionResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the remote start with a TransactionEventRequest with:
      | eventType                     | Started                         |
      | triggerReason                 | RemoteStart                     |
      | transactionInfo.remoteStartId | <remoteStartId>                 |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
      | evse.id                       | <configured evseId>             |
      | evse.connectorId              | <configured connectorId>        |
    Then the CSMS responds with a TransactionEventResponse
