package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;

/** Numeric flag values; the error names the flag. */
final class Numbers {
    private Numbers() {}

    static double number(String flag, String text) throws InvalidRequestException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(flag + " must be a number, not '" + text + "'");
        }
    }
}
