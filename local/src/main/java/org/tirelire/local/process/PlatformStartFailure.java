package org.tirelire.local.process;

/** A part of the platform did not come up; carries the part so its log can be shown. */
public class PlatformStartFailure extends RuntimeException {

    private final transient ChildProcess part;

    public PlatformStartFailure(String message, ChildProcess part) {
        super(message);
        this.part = part;
    }

    public ChildProcess part() {
        return part;
    }
}
