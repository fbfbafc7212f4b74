#!/usr/bin/env bash
# Makes WildFly's switchboard.xml from a pristine standalone.xml plus src/main/cli/switchboard.cli,
# installs the PostgreSQL driver module and the default properties. Run by the Maven build
# (module wildfly-config); idempotent, so every build starts from the same configuration.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jboss_home=${1:?usage: configure-wildfly.sh JBOSS_HOME}
conf="$jboss_home/standalone/configuration"

stamp="$conf/.switchboard-config.sha"
sum=$(cat "$here/src/main/cli/switchboard.cli" "$here/bin/configure-wildfly.sh" | sha256sum | cut -d' ' -f1)
if [ -f "$conf/switchboard.xml" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
  cp "$here/src/main/config/switchboard.properties" "$conf/switchboard.properties"
  echo "WildFly configuration is up to date"
  exit 0
fi

# PostgreSQL JDBC driver as a module (the H2 one ships with WildFly).
pg_module="$jboss_home/modules/org/postgresql/main"
mkdir -p "$pg_module"
cp "$here/target/drivers/postgresql.jar" "$pg_module/postgresql.jar"
cat > "$pg_module/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module name="org.postgresql" xmlns="urn:jboss:module:1.9">
    <resources><resource-root path="postgresql.jar"/></resources>
    <dependencies>
        <module name="java.sql"/>
        <module name="java.logging"/>
        <module name="java.management"/>
        <module name="java.naming"/>
        <module name="java.security.jgss"/>
        <module name="java.transaction.xa"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML

cp "$conf/standalone.xml" "$conf/switchboard.xml"
cp "$here/src/main/config/switchboard.properties" "$conf/switchboard.properties"
# Expressions stay in the XML. The embedded server still checks some of them when a resource is
# added (the managed executor's thread counts), so it sees the default settings as system properties.
"$jboss_home/bin/jboss-cli.sh" --properties="$here/src/main/config/switchboard.properties" --file="$here/src/main/cli/switchboard.cli"
echo "$sum" > "$stamp"
echo "WildFly configured: $conf/switchboard.xml"
