@TC_F_27_CSMS
Feature: TC_F_27_CSMS Trigger message - NotImplemented
  An operator has the CSMS ask for a message this station does not offer (it is no local controller, so it never
  publishes firmware); the CSMS must send a well-formed request and accept the NotImplemented answer.

  Scenario: triggered message the station does not implement
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | PublishFirmwareStatusNotification |
    Then the CSMS sends a TriggerMessageRequest
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status NotImplemented and nothing more
