package br.com.whatsappoficial.meta;

/** Meta's answer to a mutation: {@code {"success":true}}. */
record Success(boolean success) {

    /** A mutation Meta answered 200 without success is not done, whatever the status says. */
    void require(String operation) {
        if (!success) {
            throw new MetaCallFailed(
                    operation,
                    MetaErrorClass.UNKNOWN,
                    200,
                    null,
                    false,
                    "Graph " + operation + " answered success=false",
                    null);
        }
    }
}
