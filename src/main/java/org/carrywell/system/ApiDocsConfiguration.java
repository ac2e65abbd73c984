package org.carrywell.system;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and server. The server is the site's configured address: left to itself the
 * document would repeat whatever Host header the request came with.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI carrywellApi(@Value("${carrywell.base-url}") String baseUrl) {
		return new OpenAPI()
			.info(new Info().title("Carrywell API")
				.version("v1")
				.description("Exercises, screening, warning signs, exercise safety and weekly plans. "
						+ "General guidance, not medical advice.")
				.license(new License().name("Apache-2.0")))
			.servers(List.of(new Server().url(baseUrl)));
	}

}
