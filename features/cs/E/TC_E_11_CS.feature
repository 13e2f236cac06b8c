@TC_E_11_CS
Feature: TC_E_11_CS Start transaction options - DataSigned
  A station configured to start transactions on signed meter data opens one when an authorized driver's EV is
  plugged in and the meter delivers its signed start reading; the transaction event carries that signed reading,
  and the charging that follows is reported on its own.

  Scenario: an authorized driver plugs in; the signed start reading starts the transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains DataSigned (when writable; set as the only start point, so neither the token
    # nor the cable starts the transaction first), the meter signs its sampled readings
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "DataSigned" for this case
    And the Charging Station variable "SampledDataCtrlr.SignReadings" is "true" for this case
    And the reusable state Authorized is reached
    # Part 6 steps 1-2 (manual action: connect the EV)
    When the driver plugs the EV in at the configured connector
    Then the Charging Station reports the status of the configured connector as "Occupied"
    # Part 6 steps 3-4. The driver was authorized at the station (local variant), so the trigger is the signed data.
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                                                          | Started                         |
      | triggerReason                                                      | SignedDataReceived              |
      | idToken.idToken                                                    | <configured valid idToken>      |
      | idToken.type                                                       | <configured valid idToken type> |
      | evse.id                                                            | present                         |
      | evse.connectorId                                                   | present                         |
      | meterValue[?].sampledValue[?].context                              | Transaction.Begin               |
      | meterValue[?].sampledValue[?].signedMeterValue.encodingMethod      | present                         |
      | meterValue[?].sampledValue[?].signedMeterValue.publicKey           | present                         |
      | meterValue[?].sampledValue[?].signedMeterValue.signedMeterData     | present                         |
      | meterValue[?].sampledValue[?].signedMeterValue.signingMethod       | present                         |
    # Part 6 steps 5-6
    And the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
