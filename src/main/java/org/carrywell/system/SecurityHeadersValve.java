package org.carrywell.system;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the security headers on every response before anything else runs, so that they are there too when no
 * filter chain writes them: requests Spring Security's firewall refuses ({@code //}, {@code ..;}, {@code %2e}) and
 * the servlet container's own error pages. The filter chains' header writers add a header only when it is
 * missing, so these values win: a chain that wanted different values for one of these headers would have to
 * change {@link SecurityConfiguration#HEADERS}, which is the one place they are written.
 */
final class SecurityHeadersValve extends ValveBase {

	SecurityHeadersValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		SecurityConfiguration.HEADERS.forEach(response::setHeader);
		getNext().invoke(request, response);
	}

	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeadersOnEveryResponse() {
			return factory -> factory.addEngineValves(new SecurityHeadersValve());
		}

	}

}
