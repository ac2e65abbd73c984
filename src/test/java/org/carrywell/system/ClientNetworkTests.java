package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworkTests {

	@Test
	void anIpv4AddressCountsByItsSlash24AndAnIpv6AddressByItsSlash64() {
		assertThat(ClientNetwork.of("192.0.2.1")).isEqualTo(ClientNetwork.of("192.0.2.254")).isNotEqualTo(
				ClientNetwork.of("192.0.3.1"));
		assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo(ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
			.isNotEqualTo(ClientNetwork.of("2001:db8:1:3::1"));
		// A name is never looked up, and all names are one client: they cannot make up new ones.
		assertThat(ClientNetwork.of("face.cafe")).isEqualTo(ClientNetwork.of("not-an-address.example"))
			.isEqualTo(ClientNetwork.UNKNOWN);
		assertThat(ClientNetwork.of("1.2.3")).isEqualTo(ClientNetwork.UNKNOWN);
	}

}
