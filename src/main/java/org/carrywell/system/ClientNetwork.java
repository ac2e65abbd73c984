package org.carrywell.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The network a request comes from, as rate limits count it: an IPv4 address's /24, an IPv6 address's /64. One
 * person easily holds many addresses of one network (an IPv6 /64 is one home), so limits per exact address
 * could be stepped around. The address is the connection's peer, or the client's as a trusted proxy reports it
 * when {@code server.forward-headers-strategy} is set; an {@code X-Forwarded-For} header alone changes nothing.
 */
public final class ClientNetwork {

	private ClientNetwork() {
	}

	public static String of(HttpServletRequest request) {
		return of(request.getRemoteAddr());
	}

	/** Anything that is not an address literal counts as one client, so it cannot make up new ones. */
	static final String UNKNOWN = "unknown";

	private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	public static String of(String address) {
		// Only literals are parsed (an IPv6 literal has a colon, an IPv4 one is a strict dotted quad): InetAddress
		// never looks a literal up in the DNS, so no name chosen by a client is ever resolved.
		if (!(address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+"))
				&& !DOTTED_QUAD.matcher(address).matches()) {
			return UNKNOWN;
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException notAnAddress) {
			return UNKNOWN;
		}
		int keep = bytes.length == 4 ? 3 : 8;
		var key = new StringBuilder(bytes.length == 4 ? "v4:" : "v6:");
		for (int i = 0; i < keep; i++) {
			key.append(String.format("%02x", bytes[i] & 0xff));
		}
		return key.toString();
	}

}
