package org.carrywell.sharing;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Sharing on H2")
class H2SharingJourneyTests extends SharingJourneyContract {

}
