package br.com.whatsappoficial.template;

/** How a template names its variables: {@code {{1}}, {{2}}} or {@code {{nome}}}. Meta refuses a mix. */
public enum ParameterFormat {
    POSITIONAL,
    NAMED
}
