package org.carrywell.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	static final String VIEW_HOME = "home";

	static final String VIEW_OFFLINE = "offline";

	@GetMapping("/")
	String home(HttpServletRequest request, HttpServletResponse response) {
		PublicPages.markShareable(request);
		OfflineCopies.keep(response);
		return VIEW_HOME;
	}

	/**
	 * What the service worker shows for a page it has no copy of, when there is no network: what still works
	 * (docs/offline.md). Kept on every device from installation on.
	 */
	@GetMapping("/offline")
	String offline(Model model, HttpServletRequest request) {
		PublicPages.markShareable(request);
		// The same page for everyone who uses this device: nothing of a signed-in member's on it.
		model.addAttribute("memberSignedIn", false);
		return VIEW_OFFLINE;
	}

}
