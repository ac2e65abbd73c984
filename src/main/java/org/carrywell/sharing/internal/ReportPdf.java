package org.carrywell.sharing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The appointment report as a PDF: the provider view's own fragment (templates/sharing/fragments.html) on A4,
 * rendered by openhtmltopdf with its fonts embedded and the charts drawn as vector graphics (Batik reads the same
 * SVG the page shows). Rendered per request, never kept.
 */
@Component
public class ReportPdf {

	private static final String TEMPLATE = "sharing/report-pdf";

	/** At most this many reports are made at once (each keeps a core busy); the next waits a while, then is told. */
	static final int AT_ONCE = 2;

	static final Duration WAIT = Duration.ofSeconds(10);

	private final Semaphore rendering = new Semaphore(AT_ONCE, true);

	/** Too many reports at once: 503, and try again in a moment. */
	@ResponseStatus(value = HttpStatus.SERVICE_UNAVAILABLE, reason = "Busy making other reports: try again in a moment")
	public static final class Busy extends RuntimeException {

		Busy() {
			super("Busy making other reports", null, false, false);
		}

	}

	/** Every character XML 1.0 does not allow in a document. */
	private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern
		.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private final ISpringTemplateEngine templates;

	private final ApplicationContext application;

	private final ConversionService conversions;

	/** The stylesheet's folder: report.css is read from here. */
	private final String baseUri;

	ReportPdf(ISpringTemplateEngine templates, ApplicationContext application,
			org.springframework.beans.factory.ObjectProvider<ConversionService> conversions) throws IOException {
		this.templates = templates;
		this.application = application;
		this.conversions = conversions.getIfUnique(org.springframework.core.convert.support.DefaultConversionService::new);
		this.baseUri = new ClassPathResource("pdf/report.css").getURL().toExternalForm().replace("report.css", "");
	}

	/**
	 * @param forProvider whether it is made for the person the link names (the report then says so)
	 */
	public byte[] render(ProviderViews.View view, boolean forProvider, Locale locale) {
		boolean admitted;
		try {
			admitted = rendering.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		if (!admitted) {
			throw new Busy();
		}
		try {
			return renderNow(view, forProvider, locale);
		}
		finally {
			rendering.release();
		}
	}

	private byte[] renderNow(ProviderViews.View view, boolean forProvider, Locale locale) {
		var context = new Context(locale);
		context.setVariable("view", view);
		context.setVariable("forProvider", forProvider);
		// Inside the charts: their colours, which the renderer cannot take from the page's stylesheet.
		context.setVariable("pdfCharts", true);
		// Lets the template reach beans (@planTexts, @doseText) outside a web request's view resolution.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, conversions));
		// Thymeleaf escapes markup, not characters XML forbids (a control character pasted into a note): those
		// would stop the XML parser, so they become the replacement character.
		String xhtml = NOT_XML.matcher(templates.process(TEMPLATE, context)).replaceAll("\uFFFD");
		var out = new ByteArrayOutputStream(64 * 1024);
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL,
					true);
			builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
					BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withHtmlContent(xhtml, baseUri);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static java.io.InputStream font(String path) {
		try {
			return Objects.requireNonNull(new ClassPathResource(path).getInputStream());
		}
		catch (IOException missing) {
			throw new UncheckedIOException(missing);
		}
	}

}
