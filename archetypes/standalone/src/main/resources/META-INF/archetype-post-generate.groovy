// the archetype plugin copies files without their permissions: make the Maven wrapper executable again
new File(request.outputDirectory, request.artifactId + '/mvnw').setExecutable(true, false)
