package org.carrywell.newsletter.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.carrywell.newsletter.Topic;
import org.carrywell.newsletter.internal.IssueMarkdown;
import org.carrywell.newsletter.internal.NewsletterEditor;
import org.carrywell.newsletter.internal.NewsletterIssue;
import org.carrywell.newsletter.internal.NewsletterProperties;
import org.carrywell.newsletter.internal.Subscriber;
import org.carrywell.system.NotFoundException;

/**
 * The editor's pages under {@code /admin}: issues (write, preview, send), delivery progress and the export of
 * confirmed subscribers. Spring Security lets only the configured editor in; without an editor password every
 * page here is a 404.
 */
@Controller
@RequestMapping("/admin")
class NewsletterAdminController {

	private final NewsletterEditor editor;

	private final NewsletterProperties properties;

	NewsletterAdminController(NewsletterEditor editor, NewsletterProperties properties) {
		this.editor = editor;
		this.properties = properties;
	}

	/** Runs before every handler here: the pages do not exist when no editor is configured. */
	@ModelAttribute
	void requireConfiguredEditor() {
		if (!properties.editor().enabled()) {
			throw new NotFoundException("page", "admin");
		}
	}

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/newsletter")
	String overview(Model model) {
		var subscribers = editor.confirmedSubscribers();
		Map<Topic, Long> perTopic = new EnumMap<>(Topic.class);
		for (Topic topic : Topic.values()) {
			perTopic.put(topic, subscribers.stream().filter(subscriber -> subscriber.topics().contains(topic)).count());
		}
		model.addAttribute("confirmedCount", subscribers.size());
		model.addAttribute("perTopic", perTopic);
		model.addAttribute("issues", editor.issues());
		return "admin/newsletter";
	}

	@GetMapping("/newsletter/issues/new")
	String newIssue(Model model) {
		model.addAttribute("form", IssueForm.empty());
		return "admin/issue-form";
	}

	@PostMapping("/newsletter/issues")
	String createIssue(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		IssueForm form = IssueForm.read(params);
		if (!form.errors().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			return "admin/issue-form";
		}
		long id = editor.createDraft(form.subject(), form.topics(), form.body());
		return "redirect:/admin/newsletter/issues/" + id;
	}

	@GetMapping("/newsletter/issues/{id}")
	String issue(@PathVariable long id, Model model) {
		NewsletterIssue issue = issue(id);
		model.addAttribute("issue", issue);
		model.addAttribute("previewHtml", IssueMarkdown.toHtml(issue.bodyMarkdown()));
		model.addAttribute("counts", editor.counts(id));
		model.addAttribute("recipients", recipients(issue));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", IssueForm.of(issue));
		}
		return "admin/issue";
	}

	@PostMapping("/newsletter/issues/{id}")
	String updateIssue(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		NewsletterIssue issue = issue(id);
		IssueForm form = IssueForm.read(params);
		if (!form.errors().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			return issue(id, model);
		}
		boolean saved = editor.updateDraft(issue.id(), form.subject(), form.topics(), form.body());
		redirect.addFlashAttribute("notice", saved ? "admin.issue.saved" : "admin.issue.notDraft");
		return "redirect:/admin/newsletter/issues/" + id;
	}

	@PostMapping("/newsletter/issues/{id}/send")
	String send(@PathVariable long id, RedirectAttributes redirect) {
		issue(id);
		var queued = editor.queue(id);
		redirect.addFlashAttribute("notice", queued.isPresent() ? "admin.issue.queued" : "admin.issue.notDraft");
		redirect.addFlashAttribute("queuedCount", queued.orElse(0));
		return "redirect:/admin/newsletter/issues/" + id;
	}

	@PostMapping("/newsletter/issues/{id}/requeue")
	String requeueInDoubt(@PathVariable long id, RedirectAttributes redirect) {
		issue(id);
		redirect.addFlashAttribute("notice", "admin.issue.requeued");
		redirect.addFlashAttribute("queuedCount", editor.requeueInDoubt(id));
		return "redirect:/admin/newsletter/issues/" + id;
	}

	/** Confirmed subscribers and their topics, as CSV (RFC 4180), safe to open in a spreadsheet. */
	@GetMapping(path = "/newsletter/subscribers.csv")
	ResponseEntity<String> exportSubscribers() {
		var csv = new StringBuilder("email,topics,confirmed_at\r\n");
		for (Subscriber subscriber : editor.confirmedSubscribers()) {
			csv.append(Csv.field(subscriber.email())).append(',')
				.append(Csv.field(subscriber.topics().stream().map(Topic::name).collect(Collectors.joining(" "))))
				.append(',')
				.append(Csv.field(String.valueOf(subscriber.confirmedAt())))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("carrywell-subscribers.csv").build().toString())
			.body(csv.toString());
	}

	private NewsletterIssue issue(long id) {
		return editor.issue(id).orElseThrow(() -> new NotFoundException("newsletter issue", String.valueOf(id)));
	}

	private long recipients(NewsletterIssue issue) {
		return editor.confirmedSubscribers()
			.stream()
			.filter(subscriber -> subscriber.topics().stream().anyMatch(issue.topics()::contains))
			.count();
	}

}
