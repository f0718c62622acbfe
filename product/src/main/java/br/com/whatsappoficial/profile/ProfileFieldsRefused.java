package br.com.whatsappoficial.profile;

import java.util.Map;

/** Profile fields that break Meta's rules: a pt-BR message key for each field at fault. */
class ProfileFieldsRefused extends RuntimeException {

    private final Map<String, String> problems;

    ProfileFieldsRefused(Map<String, String> problems) {
        super("Profile fields refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
