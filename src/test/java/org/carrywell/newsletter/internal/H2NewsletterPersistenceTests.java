package org.carrywell.newsletter.internal;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@DisplayName("Newsletter persistence on H2")
class H2NewsletterPersistenceTests extends NewsletterPersistenceContract {

}
