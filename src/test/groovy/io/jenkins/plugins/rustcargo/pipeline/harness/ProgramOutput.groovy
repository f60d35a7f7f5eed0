package io.jenkins.plugins.rustcargo.pipeline.harness

import groovy.transform.CompileStatic

/**
 * Java serialization of the program state, as workflow-cps saves it at every step. What Jenkins
 * itself owns and saves its own way (the harness's objects behind env, currentBuild and the steps:
 * workflow-cps' pickles and global variables) is written as a placeholder, and so are the JDK
 * collection iterators and map entries that workflow-cps makes serializable (its IteratorHack), so
 * that list.each { sh ... } works as in Jenkins. Everything the pipeline code itself keeps (local
 * variables, fields, closures) is written for real: a java.util.regex.Matcher alive across a step
 * fails here as it fails in Jenkins.
 */
@CompileStatic
final class ProgramOutput extends ObjectOutputStream {
    private static final String HARNESS_PACKAGE = ProgramOutput.package.name + '.'
    private static final List<String> ITERATORS = ['java.util.ArrayList$Itr', 'java.util.ArrayList$ListItr',
            'java.util.LinkedHashMap$LinkedEntryIterator', 'java.util.LinkedHashMap$LinkedKeyIterator',
            'java.util.LinkedHashMap$LinkedValueIterator', 'java.util.HashMap$EntryIterator',
            'java.util.HashMap$KeyIterator', 'java.util.HashMap$ValueIterator', 'java.util.LinkedHashMap$Entry',
            'java.util.HashMap$Node']

    /** Stands for an object that Jenkins, not the program, saves. */
    static final class Placeholder implements Serializable {
        private static final long serialVersionUID = 1L
        final String type

        Placeholder(String type) {
            this.type = type
        }
    }

    private ProgramOutput(OutputStream out) {
        super(out)
        enableReplaceObject(true)
    }

    /** Saves the programs; a state that cannot be saved ends the build, as in Jenkins. */
    static void save(List programs, String step) {
        try {
            ProgramOutput out = new ProgramOutput(new ByteArrayOutputStream())
            out.writeObject(programs)
            out.close()
        } catch (NotSerializableException e) {
            throw new ProgramStateError(step, e)
        }
    }

    @Override
    protected Object replaceObject(Object obj) {
        if (obj == null || obj instanceof Serializable && !(obj.class.name in ITERATORS)) {
            return obj
        }
        String type = obj.class.name
        if (type.startsWith(HARNESS_PACKAGE) || type.startsWith('com.lesfurets.') || type in ITERATORS) {
            return new Placeholder(type)
        }
        return obj
    }
}
