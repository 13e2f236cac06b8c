@TC_A_22_CS
Feature: TC_A_22_CS Upgrade Charging Station Security Profile - Downgrade security profile - Rejected
  Connection data with a lower security profile than the one in use is refused: a station never lowers its security.

  # Decision: the lower profile is one below the one in use, with the URL scheme it needs and one more path segment.
  # The test system does not serve it: a correct station refuses the profile and never connects there.
  Scenario: network profile one security profile lower
    Given the Charging Station is connected, accepted and idle
    And the test system prepares a connection profile with a lower security profile in the slot not in use
    # Part 6 steps 1-2
    When the test system sends a SetNetworkProfileRequest with:
      | configurationSlot              | <configured configurationSlot> |
      | connectionData.messageTimeout  | <configured messageTimeout>    |
      | connectionData.ocppCsmsUrl     | <lower ocppCsmsUrl>            |
      | connectionData.ocppInterface   | <configured ocppInterface>     |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.securityProfile | <lower securityProfile>        |
    Then the Charging Station responds with a SetNetworkProfileResponse with:
      | status | Rejected |
