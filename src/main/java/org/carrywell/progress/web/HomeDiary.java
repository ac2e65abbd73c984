package org.carrywell.progress.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.internal.DiaryStore;

/**
 * Today's diary on the home page, for a member: her areas to tap and a save button, or "done" once she has
 * written it. The home page belongs to {@code system}, which knows no feature; this adds to its model.
 */
@ControllerAdvice(basePackages = "org.carrywell.system")
class HomeDiary {

	/** @param entry today's entry, when she has written it */
	record Today(List<PainArea> areas, DiaryStore.@Nullable Entry entry) {
	}

	private final CurrentMember currentMember;

	private final DiaryStore diary;

	private final Clock clock;

	HomeDiary(CurrentMember currentMember, DiaryStore diary, Clock clock) {
		this.currentMember = currentMember;
		this.diary = diary;
		this.clock = clock;
	}

	/**
	 * Null for a visitor, and on every page of {@code system} but the home page (its error pages among them, which
	 * must not depend on the database): the page then shows nothing of it.
	 */
	@ModelAttribute("diaryToday")
	@Nullable Today diaryToday(HttpServletRequest request) {
		if (!"/".equals(request.getRequestURI())) {
			return null;
		}
		return currentMember.get().map(member -> {
			var entry = diary.on(member.id(), LocalDate.now(clock)).orElse(null);
			return new Today(ProgressPagesController.areasFor(member, Set.of()), entry);
		}).orElse(null);
	}

}
