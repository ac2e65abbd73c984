package org.carrywell.learn.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the articles are: a folder of {@code <slug>.md} files (in the application, or on disk for review). */
@ConfigurationProperties("carrywell.learn")
record LearnProperties(@DefaultValue("classpath:learn/") String location) {
}
