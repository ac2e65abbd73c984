package org.carrywell.progress.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.progress.internal.ReminderLinks;
import org.carrywell.progress.internal.ReminderQueue;
import org.carrywell.progress.internal.ReminderSettings;
import org.carrywell.system.NotFoundException;

/**
 * Reminders she controls: off unless she turns them on, on the days and at the time she picks in her time zone.
 * Every reminder carries a stop link that needs no sign-in (one press on the page it opens), and the RFC 8058
 * header a mail program's own "unsubscribe" button uses.
 */
@Controller
class ReminderController {

	static final String VIEW_SETTINGS = "progress/reminders";

	static final String VIEW_STOP = "progress/reminders-stop";

	private final CurrentMember currentMember;

	private final ReminderSettings settings;

	private final ReminderQueue queue;

	private final ReminderLinks links;

	private final Clock clock;

	ReminderController(CurrentMember currentMember, ReminderSettings settings, ReminderQueue queue,
			ReminderLinks links, Clock clock) {
		this.currentMember = currentMember;
		this.settings = settings;
		this.queue = queue;
		this.links = links;
		this.clock = clock;
	}

	@GetMapping("/progress/reminders")
	String reminders(Model model) {
		SignedInMember member = member();
		var setting = settings.of(member.id());
		ReminderForm form = setting
			.map(on -> new ReminderForm(on.days(), on.time().toString(), on.zone().getId(), Map.of()))
			.orElseGet(() -> new ReminderForm(EnumSet.noneOf(java.time.DayOfWeek.class), "18:00", clock.getZone().getId(), Map.of()));
		return show(form, setting.isPresent(), model);
	}

	@PostMapping("/progress/reminders")
	String saveReminders(@RequestParam MultiValueMap<String, String> parameters, Model model,
			HttpServletResponse response) {
		SignedInMember member = member();
		if ("off".equals(parameters.getFirst("action"))) {
			stop(member.id());
			return "redirect:/progress/reminders?off";
		}
		ReminderForm form = ReminderForm.read(parameters);
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(form, settings.of(member.id()).isPresent(), model);
		}
		settings.save(member.id(), form.days(), LocalTime.parse(form.time()), ZoneId.of(form.zone()), clock.instant());
		return "redirect:/progress/reminders?saved";
	}

	private String show(ReminderForm form, boolean on, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("on", on);
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(zone -> zone.contains("/")).sorted().toList());
		return VIEW_SETTINGS;
	}

	/** The page a reminder's stop link opens: one button, no sign-in. A GET never stops anything. */
	@GetMapping("/reminders/stop")
	String stopPage(@RequestParam(defaultValue = "") String t, Model model) {
		model.addAttribute("token", t);
		model.addAttribute("valid", links.verify(t).isPresent());
		return VIEW_STOP;
	}

	@PostMapping("/reminders/stop")
	String stopByLink(@RequestParam(defaultValue = "") String t, Model model) {
		var member = links.verify(t);
		if (member.isEmpty()) {
			// A link that is no longer valid stops nothing, and the page says so plainly.
			model.addAttribute("token", t);
			model.addAttribute("valid", false);
			return VIEW_STOP;
		}
		stop(member.get());
		return "redirect:/reminders/stopped";
	}

	@GetMapping("/reminders/stopped")
	String stopped() {
		return "progress/reminders-stopped";
	}

	/** RFC 8058: a mail program's "unsubscribe" button, with no cookies and no CSRF token; the signed link decides. */
	@PostMapping(path = "/reminders/stop/one-click", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	ResponseEntity<String> oneClick(@RequestParam(defaultValue = "") String t) {
		UUID member = links.verify(t).orElseThrow(() -> new NotFoundException("reminders for the link", t));
		stop(member);
		return ResponseEntity.ok("Reminders stopped");
	}

	private void stop(UUID member) {
		settings.stop(member);
		queue.cancelQueued(member, clock.instant());
	}

	private SignedInMember member() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

}
