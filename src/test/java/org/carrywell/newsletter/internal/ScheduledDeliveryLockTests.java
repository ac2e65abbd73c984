package org.carrywell.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery batch runs on one node at a time: it takes its row in the shedlock table first, and a run that
 * finds the row held by another node does nothing. (The schedule itself is set far off; the test calls it.)
 */
@SpringBootTest(properties = { "carrywell.newsletter.delivery.enabled=true",
		"carrywell.newsletter.delivery.interval=1h" })
class ScheduledDeliveryLockTests {

	@Autowired
	NewsletterConfiguration.DeliverySchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunTakesTheDeliveryLockAndSkipsWhenAnotherNodeHoldsIt() {
		assertThat(AopUtils.isAopProxy(schedule)).as("the schedule is wrapped by the lock").isTrue();
		jdbc.sql("DELETE FROM shedlock").update();

		schedule.run();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'newsletter-delivery'").query(Integer.class)
			.single()).isEqualTo(1);

		// Another node holds the lock for the next hour: this node's run must leave its row as it is.
		Timestamp held = Timestamp.valueOf(LocalDateTime.now().plusHours(1).withNano(0));
		jdbc.sql("UPDATE shedlock SET lock_until = ?, locked_by = 'another-node' WHERE name = 'newsletter-delivery'")
			.params(held)
			.update();
		schedule.run();
		assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'newsletter-delivery'").query(String.class)
			.single()).isEqualTo("another-node");
		assertThat(jdbc.sql("SELECT lock_until FROM shedlock WHERE name = 'newsletter-delivery'")
			.query(Timestamp.class)
			.single()).isEqualTo(held);
	}

}
