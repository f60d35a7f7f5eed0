package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * Evaluates a declarative environment { } block: each assignment becomes a variable of the
 * current block at once (later lines can read it), credentials('id') binds a secret as
 * Declarative does (string: the secret; username/password: "user:pass" plus NAME_USR and NAME_PSW).
 */
class EnvironmentBuilder extends GroovyObjectSupport {
    private final PipelineHarness harness
    private final Set<String> names = []

    EnvironmentBuilder(PipelineHarness harness) {
        this.harness = harness
    }

    static class CredentialRef {
        String id
    }

    CredentialRef credentials(String id) {
        return new CredentialRef(id: id)
    }

    @Override
    void setProperty(String name, Object value) {
        names << name
        Map<String, String> env = harness.ctx().env
        if (value instanceof CredentialRef) {
            Map credential = harness.credential(((CredentialRef) value).id)
            if (credential.secret != null) {
                harness.console.mask(credential.secret as String)
                env[name] = credential.secret as String
            } else {
                harness.console.mask(credential.password as String)
                env[name] = "${credential.username}:${credential.password}".toString()
                env[name + '_USR'] = credential.username as String
                env[name + '_PSW'] = credential.password as String
            }
        } else {
            env[name] = value == null ? null : value.toString()
        }
    }

    @Override
    Object getProperty(String name) {
        if (names.contains(name)) {
            return harness.ctx().env[name]
        }
        throw new MissingPropertyException(name, EnvironmentBuilder)
    }
}
