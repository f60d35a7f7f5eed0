// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {
    public abstract void bindJSON(Object bean, JSONObject src);
}
