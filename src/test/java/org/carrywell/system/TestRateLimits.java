package org.carrywell.system;

import java.time.Clock;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Rate limits on a private in-memory database with the app's migrations, for tests without a Spring context. */
public final class TestRateLimits {

	private TestRateLimits() {
	}

	/** A fresh database each call; two {@link RateLimits} made on one {@link Database} are two app nodes. */
	public static Database database() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:rate-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return new Database(dataSource);
	}

	public record Database(JdbcDataSource dataSource) {

		/** One node's view of the shared counts, on its own clock. */
		public RateLimits node(Clock clock) {
			var jdbc = JdbcClient.create(dataSource);
			return new RateLimits(jdbc, new DataSourceTransactionManager(dataSource), new AppSecrets(jdbc), clock);
		}

		public int rows() {
			return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM rate_limit_count").query(Integer.class).single();
		}

	}

}
