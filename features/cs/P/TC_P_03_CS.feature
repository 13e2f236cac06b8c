@TC_P_03_CS
Feature: TC_P_03_CS CustomData - Receive custom data
  Requests may carry customData (a vendorId plus any properties). A station handles such a request exactly as it
  handles the same request without it.

  Scenario: write and read back a variable with requests that carry customData
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2. Part 6 lists the fields without the customData; the case is about receiving it, so both
    # requests carry customData at the top level and inside the variable data.
    When the test system sends a SetVariablesRequest with:
      | setVariableData[0].component.name | "OCPPCommCtrlr"                                              |
      | setVariableData[0].variable.name  | "OfflineThreshold"                                           |
      | setVariableData[0].attributeValue | "200"                                                        |
      | setVariableData[0].attributeType  | Actual                                                       |
      | setVariableData[0].customData     | {"vendorId": "org.ocpp-conformance", "origin": "bench"}      |
      | customData                        | {"vendorId": "org.ocpp-conformance", "batch": {"size": 1}}   |
    Then the Charging Station responds with a SetVariablesResponse with:
      | setVariableResult[0].attributeStatus | Accepted |
    # Part 6 steps 3-4
    When the test system sends a GetVariablesRequest with:
      | getVariableData[0].component.name | "OCPPCommCtrlr"                                         |
      | getVariableData[0].variable.name  | "OfflineThreshold"                                      |
      | getVariableData[0].attributeType  | Actual                                                  |
      | customData                        | {"vendorId": "org.ocpp-conformance", "note": ["read"]}  |
    Then the Charging Station responds with a GetVariablesResponse with:
      | getVariableResult[0].attributeStatus | Accepted          |
      | getVariableResult[0].attributeType   | absent or Actual  |
      | getVariableResult[0].attributeValue  | "200"             |
