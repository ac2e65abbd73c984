package org.carrywell.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.carrywell.system.AppSecrets;
import org.carrywell.system.MailTransport;
import org.carrywell.system.QueueDepth;
import org.carrywell.system.RateLimits;

/** Wires the newsletter: mail transport and templates, the link key, rate limits, services and the worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsletterProperties.class)
class NewsletterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NewsletterConfiguration.class);

	private static final String LINK_KEY = "newsletter-link-key";

	/** Mail has its own template engine: HTML and plain-text templates side by side under templates/mail/. */
	@Bean
	MailComposer mailComposer(MessageSource messages, NewsletterProperties properties, LinkSigner signer, Clock clock) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		var engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return new MailComposer(engine, messages, properties, signer, clock);
	}

	/** The configured key, or one generated on first start and kept in the database so links outlive restarts. */
	@Bean
	LinkSigner linkSigner(NewsletterProperties properties, AppSecrets secrets) {
		if (properties.linkKey() != null && !properties.linkKey().isBlank()) {
			return new LinkSigner(properties.linkKey().getBytes(StandardCharsets.UTF_8));
		}
		return new LinkSigner(secrets.key(LINK_KEY));
	}

	/** The queue's depth for the operator (docs/operations.md). */
	@Bean
	MeterBinder newsletterQueueDepth(DeliveryQueue queue) {
		return QueueDepth.of("newsletter", status -> queue.count(DeliveryQueue.Status.valueOf(status)));
	}

	@Bean
	SignupLimits signupLimits(NewsletterProperties properties, RateLimits rateLimits) {
		var limits = properties.signupLimits();
		return new SignupLimits(rateLimits.limiter("newsletter-signups-per-network", limits.perClient(), limits.period()),
				rateLimits.limiter("newsletter-signups-per-address", limits.perAddress(), limits.addressPeriod()));
	}

	@Bean
	Subscriptions subscriptions(SubscriberStore store, DeliveryQueue deliveries, MailComposer composer,
			MailTransport transport, @Qualifier("applicationTaskExecutor") Executor executor, SignupLimits limits,
			TransactionTemplate transactions, NewsletterProperties properties, Clock clock) {
		return new Subscriptions(store, deliveries, composer, transport, executor, limits.perAddress(), transactions,
				properties, clock);
	}

	@Bean
	NewsletterEditor newsletterEditor(IssueStore issues, DeliveryQueue deliveries, SubscriberStore subscribers,
			TransactionTemplate transactions, Clock clock) {
		return new NewsletterEditor(issues, deliveries, subscribers, transactions, clock);
	}

	@Bean
	DeliveryWorker deliveryWorker(DeliveryQueue queue, SubscriberStore subscribers, IssueStore issues,
			MailComposer composer, MailTransport transport, NewsletterProperties properties, Clock clock) {
		return new DeliveryWorker(queue, subscribers, issues, composer, transport, properties.delivery(), clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "carrywell.newsletter.delivery.enabled", matchIfMissing = true)
	DeliverySchedule deliverySchedule(DeliveryWorker worker, Subscriptions subscriptions) {
		return new DeliverySchedule(worker, subscriptions);
	}

	/**
	 * Runs a batch, then waits the configured interval; one batch at a time across all nodes (the lock), so the
	 * rate limit holds for the whole site. Hourly, forgets stale sign-ups. Not final: the lock is a proxy.
	 */
	static class DeliverySchedule {

		private final DeliveryWorker worker;

		private final Subscriptions subscriptions;

		DeliverySchedule(DeliveryWorker worker, Subscriptions subscriptions) {
			this.worker = worker;
			this.subscriptions = subscriptions;
		}

		@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
		@SchedulerLock(name = "newsletter-forget-unconfirmed", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
		void forgetUnconfirmedSignUps() {
			int forgotten = subscriptions.forgetUnconfirmed();
			if (forgotten > 0) {
				log.info("Forgot {} sign-ups that were never confirmed", forgotten);
			}
		}

		// A node that dies mid-batch holds the lock until lockAtMostFor ends, and its claimed deliveries are set
		// aside as in doubt by a later batch (ADR 0005), never sent again. A batch that outlives the lock is still
		// safe: each delivery is claimed by a conditional update, so a second node can only send other messages.
		@Scheduled(fixedDelayString = "${carrywell.newsletter.delivery.interval:5s}", initialDelayString = "${carrywell.newsletter.delivery.interval:5s}")
		@SchedulerLock(name = "newsletter-delivery", lockAtMostFor = "${carrywell.newsletter.delivery.lock-at-most-for:PT1M}")
		void run() {
			try {
				worker.runBatch();
			}
			catch (RuntimeException failure) {
				// The queue is in the database: nothing is lost, the next run carries on. Keep the schedule alive.
				log.error("Newsletter delivery batch failed", failure);
			}
		}

	}

}
