// CodeNarc rules for the shared library (vars/ and its classes in src/io/) and the example Jenkinsfiles
// (test-jenkinsfiles/).
// Run by `mvn verify` (maven-antrun-plugin, execution codenarc-shared-library); any violation fails it.
ruleset {
    description 'rust-cargo shared library and example Jenkinsfiles'

    // The Jenkins (CPS) rules only look at files named 'Jenkinsfile' unless told otherwise.
    ruleset('rulesets/jenkins.xml') {
        ['ClassNotSerializable', 'ClosureInGString', 'CpsCallFromNonCpsMethod', 'ExpressionInCpsMethodNotSerializable',
         'ForbiddenCallInCpsMethod', 'ObjectOverrideOnlyNonCpsMethods', 'ParameterOrReturnTypeNotSerializable'].each { rule ->
            "${rule}"(applyToFileNames: '*.groovy,*.Jenkinsfile')
        }
    }
    ruleset('rulesets/basic.xml')
    ruleset('rulesets/braces.xml')
    ruleset('rulesets/exceptions.xml')
    ruleset('rulesets/imports.xml')
    ruleset('rulesets/unused.xml') {
        UnusedVariable(ignoreVariableNames: '_')                 // @Library('rust-cargo') _
    }
    ruleset('rulesets/groovyism.xml')
    ruleset('rulesets/naming.xml') {
        VariableName(ignoreVariableNames: '_')
    }
    ruleset('rulesets/convention.xml') {
        // Pipeline code is dynamic Groovy: steps return untyped values, vars use `def call(...)`,
        // and @CompileStatic does not work with CPS.
        exclude 'NoDef'
        exclude 'MethodReturnTypeRequired'
        exclude 'MethodParameterTypeRequired'
        exclude 'VariableTypeRequired'
        exclude 'CompileStatic'
    }
    ruleset('rulesets/formatting.xml') {
        SpaceAroundMapEntryColon(characterAfterColonRegex: /\s/)
    }
    ruleset('rulesets/design.xml') {
        exclude 'Instanceof'                                      // args is a String or a List, by contract
    }
    ruleset('rulesets/size.xml') {
        NestedBlockDepth(maxNestedBlockDepth: 8)                 // declarative pipelines nest by design
        // rustPipeline's call() holds a whole declarative pipeline { } block, which Declarative
        // requires to be written out in one place.
        AbcMetric(doNotApplyToFileNames: 'rustPipeline.groovy')
    }
    ruleset('rulesets/unnecessary.xml') {
        exclude 'UnnecessaryReturnKeyword'                        // explicit returns read better next to steps
        exclude 'UnnecessaryObjectReferences'
    }
    ruleset('rulesets/serialization.xml')
    ruleset('rulesets/security.xml')
    ruleset('rulesets/concurrency.xml') {
        // In rustPipeline { image = '...' } the assignments set options (the block's delegate),
        // not script bindings.
        NoScriptBindings(doNotApplyToFileNames: 'rust-pipeline.Jenkinsfile')
    }
    ruleset('rulesets/dry.xml') {
        DuplicateStringLiteral(ignoreStringsDelimiter: '|', ignoreStrings: ",|, |.|'|")
    }
}
