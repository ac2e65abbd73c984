package org.carrywell.progress;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("Progress on H2")
class H2ProgressJourneyTests extends ProgressJourneyContract {

}
