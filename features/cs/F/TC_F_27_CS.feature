@TC_F_27_CS
Feature: TC_F_27_CS Trigger message - NotImplemented
  A trigger for a message the station does not send (SignCombinedCertificate, ISO 15118 only) is answered NotImplemented.

  Scenario: trigger a message the station does not implement
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a TriggerMessageRequest with:
      | requestedMessage | SignCombinedCertificate |
    Then the Charging Station responds with a TriggerMessageResponse with:
      | status | NotImplemented |
