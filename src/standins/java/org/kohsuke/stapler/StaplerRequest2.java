// Stand-in for jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java @ 1903.1905.ve5a_f469356f0 (signatures only; see docs/standins.md)
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import net.sf.json.JSONObject;

/**
 * Defines additional parameters/operations made available by Stapler (the Jakarta EE 9 request type, new in
 * Jenkins 2.475). The rest of Stapler comes from the real {@code org.kohsuke.stapler:stapler:1.263}.
 * Only the data-binding members are mirrored; mock this interface in tests.
 */
public interface StaplerRequest2 extends HttpServletRequest {
    /**
     * Data-bind from a {@link JSONObject} to the given target type,
     * by using introspection or constructor parameters injection.
     */
    <T> T bindJSON(Class<T> type, JSONObject src);

    /**
     * Data-binds from {@link JSONObject} to the given object.
     *
     * <p>
     * This method is bit like {@link #bindJSON(Class, JSONObject)}, except that this method
     * populates an existing object, instead of creating a new instance.
     */
    void bindJSON(Object bean, JSONObject src);

    /**
     * Data-bind from either {@link net.sf.json.JSONObject} or {@link net.sf.json.JSONArray} to a list,
     * by using {@link #bindJSON(Class, JSONObject)} as the lower-level mechanism.
     */
    <T> List<T> bindJSONToList(Class<T> type, Object src);

    /**
     * Gets the content of the structured form submission.
     */
    JSONObject getSubmittedForm() throws ServletException;
}
