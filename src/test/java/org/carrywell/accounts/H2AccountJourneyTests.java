package org.carrywell.accounts;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Accounts on H2")
class H2AccountJourneyTests extends AccountJourneyContract {

}
