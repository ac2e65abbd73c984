package org.carrywell.progress.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import org.carrywell.system.SecurityConfiguration;

@Configuration(proxyBeanMethods = false)
class ReminderSecurity {

	/** RFC 8058 one-click stop: called by mail programs, authorised by the signed link it carries; no CSRF token. */
	@Bean
	@Order(3)
	SecurityFilterChain reminderOneClickChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/reminders/stop/one-click")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		SecurityConfiguration.applyHeaders(http);
		return http.build();
	}

}
