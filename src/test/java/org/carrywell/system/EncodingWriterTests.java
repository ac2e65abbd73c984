package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The writer a page is made through while it may be kept: the bytes are the text, in UTF-8, however it is cut. */
class EncodingWriterTests {

	@Test
	void writesTextInUtf8WhateverTheWritesLookLike() throws IOException {
		var out = new ByteArrayOutputStream();
		var writer = new PrintWriter(new PublicPageCache.EncodingWriter(out, StandardCharsets.UTF_8));
		writer.write("Week 24 – “gentle”");
		writer.write(new char[] { 'a', 'é', 'b' }, 1, 1);
		writer.write('’');
		writer.print(7);
		writer.write("xyz", 1, 1);
		writer.write("");
		writer.flush();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Week 24 – “gentle”é’7y");
	}

	@Test
	void aCharacterSplitAcrossTwoWritesArrivesWhole() throws IOException {
		String pram = "\uD83D\uDC76"; // one character, two UTF-16 units
		var out = new ByteArrayOutputStream();
		var writer = new PublicPageCache.EncodingWriter(out, StandardCharsets.UTF_8);
		writer.write("baby " + pram.charAt(0));
		writer.write(pram.charAt(1) + "!");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("baby " + pram + "!");
		assertThat(out.toByteArray()).isEqualTo(("baby " + pram + "!").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aFirstHalfLeftAtTheEndIsWrittenAsAQuestionMark() throws IOException {
		var out = new ByteArrayOutputStream();
		var writer = new PublicPageCache.EncodingWriter(out, StandardCharsets.UTF_8);
		writer.write("end \uD83D");
		writer.close();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("end ?");
	}

}
