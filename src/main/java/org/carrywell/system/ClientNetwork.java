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

	static String of(String address) {
		// Only literal addresses are parsed: InetAddress never looks a literal up in the DNS.
		if (!address.matches("[0-9A-Fa-f:.%]+")) {
			return address;
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException notAnAddress) {
			return address;
		}
		int keep = bytes.length == 4 ? 3 : 8;
		var key = new StringBuilder(bytes.length == 4 ? "v4:" : "v6:");
		for (int i = 0; i < keep; i++) {
			key.append(String.format("%02x", bytes[i] & 0xff));
		}
		return key.toString();
	}

}
