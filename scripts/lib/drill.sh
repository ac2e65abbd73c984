# Shared by scripts/cluster-test.sh and scripts/backup-test.sh (sourced, from the repository's root): builds the
# packaged jar and the compiled tests when they are missing or older than the sources, writes the test class
# path, and defines drill_java, which runs a drill's main class with it.
jar=$(ls target/carrywell-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ ! -d target/test-classes/org/carrywell/cluster ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/drill-classpath.txt

drill_java() { # drill_java TIMEOUT CLASS [ARGUMENTS…]
  local limit="$1"; shift
  timeout -k 30s "$limit" "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
    -cp "target/test-classes:target/classes:$(cat target/drill-classpath.txt)" "$@"
}
