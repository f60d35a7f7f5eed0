package io.jenkins.plugins.rustcargo.pipeline

import com.lesfurets.jenkins.unit.PipelineTestHelper
import static com.lesfurets.jenkins.unit.global.lib.LocalSource.localSource
import static com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration.library
import org.junit.jupiter.api.Test

class SpikeTest {
    @Test
    void spike() {
        def helper = new PipelineTestHelper()
        helper.scriptRoots = ['/tmp/spike/jf'] as String[]
        helper.scriptExtension = 'Jenkinsfile'
        helper.baseClassloader = this.class.classLoader
        helper.baseScriptRoot = '/tmp/spike/jf'
        helper.imports = ['Library': 'com.lesfurets.jenkins.unit.global.lib.Library']
        helper.registerSharedLibrary(library().name('rust-cargo').retriever(localSource('/tmp/spike/lib')).targetPath('/tmp/spike/lib').defaultVersion('master').allowOverride(true).implicit(false).build())
        helper.init()
        helper.registerAllowedMethod('echo', [String], { String s -> println "ECHO: $s" })
        helper.registerAllowedMethod('greet', [String], { String s -> println "GREET: $s (${Thread.currentThread().name})" })
        helper.registerAllowedMethod('pipeline', [Closure], { Closure c ->
            println "PIPELINE thisObject=${c.thisObject.class.name} owner=${c.owner.class.name}"
        })
        def binding = new Binding()
        binding.setVariable('_', null)
        def script = helper.loadScript('/tmp/spike/jf/declarative-single.Jenkinsfile', binding)
        println "class: ${script.class.name}"
        script.run()
    }
}
