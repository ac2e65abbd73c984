package org.carrywell.sessions.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

	@Bean
	SessionResults sessionResults(JdbcClient jdbc) {
		return new SessionResults(jdbc);
	}

}
