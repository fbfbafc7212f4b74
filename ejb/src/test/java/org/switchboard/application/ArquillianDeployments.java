package org.switchboard.application;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments built like the EAR: the services of this module, the libraries the EAR puts
 * in lib/ (entities, Flyway, copied by the build to target/arquillian-libs) and the same module
 * dependencies as the EAR's jboss-deployment-structure.xml.
 */
public final class ArquillianDeployments {

    private ArquillianDeployments() {
    }

    /** This module's compiled services, its libraries, and the given test classes. */
    public static WebArchive services(String name, Class<?>... testClasses) {
        File libs = new File(System.getProperty("switchboard.arquillian.libs"));
        File[] jars = Objects.requireNonNull(libs.listFiles((dir, file) -> file.endsWith(".jar")), "no " + libs);
        GenericArchive classes = ShrinkWrap.create(ExplodedImporter.class)
                .importDirectory(new File(System.getProperty("switchboard.arquillian.classes")))
                .as(GenericArchive.class);
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(classes, "/WEB-INF/classes", Filters.includeAll())
                .addClasses(testClasses)
                .addClass(ArquillianDeployments.class)
                .addAsLibraries(Arrays.stream(jars).toArray(File[]::new))
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
                          <deployment><dependencies>
                            <module name="org.jboss.vfs"/>
                            <module name="org.hibernate"/>
                          </dependencies></deployment>
                        </jboss-deployment-structure>"""), "jboss-deployment-structure.xml");
    }
}
