package org.carrywell.learn.internal;

/** @param path as a person finds it in the repository, e.g. {@code learn/everyday-habits.md} */
record ArticleFile(String path, String content) {

	String slug() {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
	}

}
